package org.anzexian.platform.files;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
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
        return ResponseEntity.status(status).body(ApiError.of(status, message,
                List.of(new ApiError.FieldMessage("file", message))));
    }

    /**
     * A multipart body that cannot be read — truncated, without boundary — is the client's fault (#11,
     * finding 7). On the error page of a request refused before its body was read (the webapps' CSRF
     * filter refusing a cross-site upload), the refusal's own status stands.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> unreadable(MultipartException exception, HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer refused
                ? HttpStatus.valueOf(refused) : HttpStatus.BAD_REQUEST;
        String message = status == HttpStatus.BAD_REQUEST ? "上传内容不完整或格式有误 (malformed multipart request)"
                : "请求被拒绝 (request refused)";
        return ResponseEntity.status(status).body(ApiError.of(status, message, List.of()));
    }
}
