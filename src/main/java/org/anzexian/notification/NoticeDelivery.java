package org.anzexian.notification;

import java.time.Instant;

/** One recipient's copy of a notice and what became of it, as an admin sees it in the outbox. */
public record NoticeDelivery(
        long id,
        long noticeId,
        String templateKey,
        String reference,
        String recipient,
        String subject,
        String body,
        NoticeStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {
}
