package org.anzexian.platform.files;

import java.util.List;
import org.anzexian.platform.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} fails while the request is parsed,
 * before any controller is chosen; an advice limited to our packages would not see it, so this one
 * is unrestricted and handles only the failures of parsing an upload. Both are here, in one advice, so
 * that the more specific of the two answers a too large upload, whatever the order of the advices.
 */
@RestControllerAdvice
class UploadTooLargeHandler {

    private final FileStoreProperties properties;

    UploadTooLargeHandler(FileStoreProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException exception) {
        HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
        String message = "文件过大，最大 " + properties.maxSize().toMegabytes() + " MB (file too large, at most "
                + properties.maxSize() + ")";
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message,
                List.of(new ApiError.FieldMessage("file", message))));
    }

    /** A multipart body that cannot be read — truncated, without boundary — is the client's fault (#11, finding 7). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> unreadable(MultipartException exception) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(),
                "上传内容不完整或格式有误 (malformed multipart request)", List.of()));
    }
}
