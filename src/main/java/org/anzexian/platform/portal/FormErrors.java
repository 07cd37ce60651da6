package org.anzexian.platform.portal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.InvalidRequestException;

/**
 * The refusal of a service, as a portal form shows it: each Chinese message next to its field, and all of
 * them in a summary above the form, so none is lost when the form has no input of that name. The service
 * throws before it writes anything, so a form re-rendered with these errors has created nothing.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(List.of());

    private final List<ApiError.FieldMessage> messages;

    private FormErrors(List<ApiError.FieldMessage> messages) {
        this.messages = List.copyOf(messages);
    }

    public static FormErrors none() {
        return NONE;
    }

    /** The messages of a refusal thrown by a service: invalid input, a conflict, or Bean Validation of its arguments. */
    public static FormErrors of(RuntimeException refusal) {
        if (refusal instanceof InvalidRequestException invalid) {
            return new FormErrors(invalid.fieldErrors());
        }
        if (refusal instanceof ConflictException conflict) {
            return new FormErrors(List.of(new ApiError.FieldMessage(
                    conflict.field() == null ? "" : conflict.field(), conflict.getMessage())));
        }
        if (refusal instanceof ConstraintViolationException violations) {
            List<ApiError.FieldMessage> messages = new ArrayList<>();
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                messages.add(new ApiError.FieldMessage(argumentField(violation.getPropertyPath().toString()),
                        violation.getMessage()));
            }
            messages.sort((a, b) -> a.field().compareTo(b.field()));
            return new FormErrors(messages);
        }
        throw refusal;
    }

    /** {@code register.request.name} → {@code name}: the service method's and argument's names are not form fields. */
    private static String argumentField(String path) {
        int argumentEnd = path.indexOf('.', path.indexOf('.') + 1);
        return argumentEnd < 0 ? path : path.substring(argumentEnd + 1);
    }

    /** One more message, e.g. of a field the portal itself reads (a number that is not one). */
    public FormErrors with(String field, String message) {
        List<ApiError.FieldMessage> more = new ArrayList<>(messages);
        more.add(new ApiError.FieldMessage(field, message));
        return new FormErrors(more);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.stream().anyMatch(message -> message.field().equals(field));
    }

    /** The messages of one field, in the order the service gave them. */
    public List<String> field(String field) {
        return messages.stream().filter(message -> message.field().equals(field)).map(ApiError.FieldMessage::message)
                .toList();
    }

    /** Every message, once each. */
    public List<String> all() {
        return messages.stream().map(ApiError.FieldMessage::message).distinct().toList();
    }

    /** Field → messages, for a test or a page that lists them by field. */
    public Map<String, List<String>> byField() {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        messages.forEach(message -> byField.computeIfAbsent(message.field(), key -> new ArrayList<>()).add(message.message()));
        return byField;
    }
}
