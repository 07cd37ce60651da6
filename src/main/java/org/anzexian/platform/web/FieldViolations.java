package org.anzexian.platform.web;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of a request, so the caller learns all of them in one answer. */
public final class FieldViolations {

    private final List<ApiError.FieldMessage> violations = new ArrayList<>();

    public FieldViolations add(String field, String message) {
        violations.add(new ApiError.FieldMessage(field, message));
        return this;
    }

    public boolean has(String field) {
        return violations.stream().anyMatch(violation -> violation.field().equals(field));
    }

    /** The violations so far, in the order found. */
    public List<ApiError.FieldMessage> list() {
        return List.copyOf(violations);
    }

    /** Throws an {@link InvalidRequestException} listing every violation, if there is any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
