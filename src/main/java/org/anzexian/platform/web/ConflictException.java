package org.anzexian.platform.web;

/** The request would duplicate something that must be unique, e.g. a credit code (HTTP 409). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
