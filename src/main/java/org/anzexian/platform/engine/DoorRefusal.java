package org.anzexian.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user's engine call refused at the door: 400 (the form or request is not acceptable) or 403 (this
 * user's organization does not own the step). The reasons are Chinese sentences meant for the person;
 * {@code RefusalResponses} writes them as the answer of {@code /engine-rest} and the Tasklist's API.
 * The two kinds are the engine's own exceptions for those answers, so its REST layer maps them to 400
 * and 403 itself instead of logging a server error.
 */
public sealed interface DoorRefusal permits DoorRefusal.Invalid, DoorRefusal.Forbidden {

    int INVALID = 400;
    int FORBIDDEN = 403;

    int status();

    List<String> reasons();

    /** The reasons as one sentence. */
    default String message() {
        return String.join("；", reasons());
    }

    static Invalid invalid(List<String> reasons) {
        return new Invalid(reasons);
    }

    static Invalid invalid(String reason) {
        return new Invalid(List.of(reason));
    }

    static Forbidden forbidden(String reason) {
        return new Forbidden(reason);
    }

    /** 400: the form or the request is not acceptable. */
    final class Invalid extends FormFieldValidationException implements DoorRefusal {
        private final List<String> reasons;

        Invalid(List<String> reasons) {
            super(null, String.join("；", reasons));
            this.reasons = List.copyOf(reasons);
        }

        @Override
        public int status() {
            return INVALID;
        }

        @Override
        public List<String> reasons() {
            return reasons;
        }
    }

    /** 403: the user's organization does not own this step, or users may not do this at all. */
    final class Forbidden extends AuthorizationException implements DoorRefusal {
        private final List<String> reasons;

        Forbidden(String reason) {
            super(reason);
            this.reasons = List.of(reason);
        }

        @Override
        public int status() {
            return FORBIDDEN;
        }

        @Override
        public List<String> reasons() {
            return reasons;
        }
    }
}
