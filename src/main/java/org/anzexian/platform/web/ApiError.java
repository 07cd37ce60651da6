package org.anzexian.platform.web;

import java.util.List;

/** The body of every refused {@code /api} request. */
public record ApiError(int status, String error, String message, List<FieldMessage> fieldErrors) {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** What is wrong with one field of the request; {@code field} is its JSON path, e.g. {@code participants[0].creditCode}. */
    public record FieldMessage(String field, String message) {
    }
}
