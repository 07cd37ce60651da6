package org.anzexian.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.anzexian.platform.access.CurrentActor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns refusals of our {@code /api} controllers into one JSON shape ({@link ApiError}), with the
 * offending fields named, so a client can show each message next to its input.
 */
@RestControllerAdvice(basePackages = "org.anzexian")
class ApiExceptionHandler {

    private static final String INVALID = "请求内容有误 (invalid request)";

    /** Bean Validation on request bodies ({@code MethodArgumentNotValidException} is a BindException). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> invalidBody(BindException exception) {
        List<ApiError.FieldMessage> fields = exception.getBindingResult().getAllErrors().stream()
                .map(error -> new ApiError.FieldMessage(
                        error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, INVALID, fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException exception) {
        List<ApiError.FieldMessage> fields = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiError.FieldMessage(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, INVALID, fields);
    }

    /** Bean Validation of a service method called from code, not through a controller. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalidArguments(ConstraintViolationException exception) {
        List<ApiError.FieldMessage> fields = exception.getConstraintViolations().stream()
                .map(violation -> new ApiError.FieldMessage(argumentPath(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, INVALID, fields);
    }

    /** {@code register.request.name} → {@code name}: the method and argument names mean nothing to a client. */
    private static String argumentPath(Path path) {
        String full = path.toString();
        int argumentEnd = full.indexOf('.', full.indexOf('.') + 1);
        return argumentEnd < 0 ? full : full.substring(argumentEnd + 1);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalidRequest(InvalidRequestException exception) {
        return answer(HttpStatus.BAD_REQUEST, INVALID, exception.fieldErrors());
    }

    /** Malformed JSON, or a value of the wrong type such as an unknown enum constant. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException exception) {
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof InvalidNullException ? "不能为空 (must not be null)"
                    : mapping.getOriginalMessage().contains(StrictJsonInput.NUL_CHARACTER) ? StrictJsonInput.NUL_CHARACTER
                    : "格式或取值不正确 (value cannot be read)";
            return answer(HttpStatus.BAD_REQUEST, INVALID, List.of(new ApiError.FieldMessage(field, message)));
        }
        return answer(HttpStatus.BAD_REQUEST, "请求不是有效的 JSON (malformed JSON)", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongParameterType(MethodArgumentTypeMismatchException exception) {
        return answer(HttpStatus.BAD_REQUEST, INVALID,
                List.of(new ApiError.FieldMessage(exception.getName(), "格式或取值不正确 (value cannot be read)")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException exception) {
        return answer(HttpStatus.BAD_REQUEST, INVALID,
                List.of(new ApiError.FieldMessage(exception.getParameterName(), "必须填写 (required)")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException exception) {
        return answer(HttpStatus.NOT_FOUND, exception.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException exception) {
        return answer(HttpStatus.FORBIDDEN, exception.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException exception) {
        List<ApiError.FieldMessage> fields = exception.field() == null ? List.of()
                : List.of(new ApiError.FieldMessage(exception.field(), exception.getMessage()));
        return answer(HttpStatus.CONFLICT, exception.getMessage(), fields);
    }

    /** A unique constraint caught what the service's own check missed, e.g. two requests racing. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ApiError> duplicateKey(DuplicateKeyException exception) {
        return answer(HttpStatus.CONFLICT, "记录已存在 (duplicate record)", List.of());
    }

    @ExceptionHandler(CurrentActor.NotAuthenticatedException.class)
    ResponseEntity<ApiError> notAuthenticated(CurrentActor.NotAuthenticatedException exception) {
        return answer(HttpStatus.UNAUTHORIZED, exception.getMessage(), List.of());
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message, List<ApiError.FieldMessage> fields) {
        return ResponseEntity.status(status)
                .body(ApiError.of(status, message, fields));
    }
}
