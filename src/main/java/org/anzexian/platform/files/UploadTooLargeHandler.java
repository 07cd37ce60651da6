package org.anzexian.platform.files;

import java.util.List;
import org.anzexian.platform.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} fails while the request is parsed,
 * before any controller is chosen; an advice limited to our packages would not see it, so this one
 * is unrestricted and handles only that exception.
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
}
