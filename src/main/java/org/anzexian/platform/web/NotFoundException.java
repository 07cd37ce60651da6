package org.anzexian.platform.web;

/** The record does not exist, or the caller may not know that it does (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
