package org.anzexian.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mail to be sent: which template, to whom, with which values, about which business object
 * ({@code reference}, e.g. {@code filing:12}) and under which idempotency key (the same key written
 * twice creates one notice: a retried job must not mail twice).
 */
public record Notice(String templateKey, List<String> recipients, Map<String, Object> model, String reference,
        String idempotencyKey) {

    public Notice {
        // copies that keep null elements, so that NotificationService can reject them by name
        recipients = recipients == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(recipients));
        model = model == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(model));
    }
}
