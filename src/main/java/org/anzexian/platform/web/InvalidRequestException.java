package org.anzexian.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/** A request that breaks a rule the service checks (HTTP 400); thrown before anything is written. */
public class InvalidRequestException extends RuntimeException {

    private final List<ApiError.FieldMessage> fieldErrors;

    public InvalidRequestException(String field, String message) {
        this(List.of(new ApiError.FieldMessage(field, message)));
    }

    public InvalidRequestException(List<ApiError.FieldMessage> fieldErrors) {
        super(fieldErrors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; ")));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<ApiError.FieldMessage> fieldErrors() {
        return fieldErrors;
    }
}
