package org.anzexian.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The body of every refused {@code /api} request. */
public record ApiError(int status, String error, String message, List<FieldMessage> fieldErrors) {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public static ApiError of(HttpStatus status, String message, List<FieldMessage> fieldErrors) {
        return new ApiError(status.value(), status.getReasonPhrase(), message, fieldErrors);
    }

    /** Answers with this error from a servlet filter, where no controller advice writes it. */
    void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), this);
    }

    /** What is wrong with one field of the request; {@code field} is its JSON path, e.g. {@code participants[0].creditCode}. */
    public record FieldMessage(String field, String message) {
    }
}
