package org.anzexian.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.anzexian.platform.web.DatabaseProduct;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** The outbox tables ({@code V2__notification_outbox.sql}). */
@Repository
class NotificationRepository {

    private static final String DELIVERY_COLUMNS = """
            d.id, d.notice_id, n.template_key, n.reference, d.recipient, n.subject, n.body, d.status,
            d.attempts, d.next_attempt_at, d.last_error, n.created_at, d.sent_at
            """;

    private final JdbcClient jdbc;
    /** PostgreSQL: a notice whose key is taken is skipped by the insert itself ({@code ON CONFLICT DO NOTHING}). */
    private final boolean skipsTakenKeys;

    NotificationRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.skipsTakenKeys = DatabaseProduct.isPostgreSql(dataSource);
    }

    boolean skipsTakenKeys() {
        return skipsTakenKeys;
    }

    /** A claimed delivery, ready to be sent. */
    record Outgoing(long deliveryId, String recipient, String subject, String body, int attempts) {
    }

    Optional<Long> findNoticeId(String idempotencyKey) {
        return jdbc.sql("SELECT id FROM notification_notice WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(Long.class)
                .optional();
    }

    long insertNotice(String templateKey, String subject, String body, String reference, String idempotencyKey,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_notice (template_key, subject, body, reference, idempotency_key, created_at)
                VALUES (:templateKey, :subject, :body, :reference, :idempotencyKey, :now)""")
                .param("templateKey", templateKey)
                .param("subject", subject)
                .param("body", body)
                .param("reference", reference)
                .param("idempotencyKey", idempotencyKey)
                .param("now", utc(now))
                .update(keys, "id");
        return Optional.ofNullable(keys.getKeyAs(Number.class)).map(Number::longValue)
                .orElseThrow(() -> new IllegalStateException("notice " + idempotencyKey + " inserted without an id"));
    }

    /**
     * PostgreSQL only ({@link #skipsTakenKeys}): the notice and a delivery to each of the {@code recipients} (at least
     * one), in one statement; the new notice's id, or empty when its key is taken (and nothing was written).
     */
    Optional<Long> insertNoticeUnlessKeyTaken(String templateKey, String subject, String body, String reference,
            String idempotencyKey, Collection<String> recipients, Instant now) {
        return jdbc.sql("""
                WITH notice AS (
                    INSERT INTO notification_notice (template_key, subject, body, reference, idempotency_key, created_at)
                    VALUES (:templateKey, :subject, :body, :reference, :idempotencyKey, :now)
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING id),
                delivery AS (
                    INSERT INTO notification_delivery (notice_id, recipient, status, attempts, next_attempt_at)
                    SELECT notice.id, recipient.address, 'PENDING', 0, :now
                    FROM notice CROSS JOIN unnest(CAST(ARRAY[:recipients] AS VARCHAR[])) WITH ORDINALITY
                        AS recipient (address, position)
                    ORDER BY recipient.position)
                SELECT id FROM notice""")
                .param("templateKey", templateKey)
                .param("subject", subject)
                .param("body", body)
                .param("reference", reference)
                .param("idempotencyKey", idempotencyKey)
                .param("recipients", List.copyOf(recipients))
                .param("now", utc(now))
                .query(Long.class)
                .optional();
    }

    void insertDelivery(long noticeId, String recipient, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_delivery (notice_id, recipient, status, attempts, next_attempt_at)
                VALUES (:noticeId, :recipient, 'PENDING', 0, :now)
                """)
                .param("noticeId", noticeId)
                .param("recipient", recipient)
                .param("now", utc(now))
                .update();
    }

    /** Deliveries due now and not leased by a sender, oldest due first. */
    List<Long> findDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM notification_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                  AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY next_attempt_at, id
                LIMIT :limit
                """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes the lease of one due delivery. The UPDATE repeats the due condition, so of several
     * senders racing for the same row exactly one changes it; the others see zero rows.
     */
    Optional<Outgoing> claim(long deliveryId, String claimant, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("""
                UPDATE notification_delivery SET claimed_by = :claimant, claimed_until = :leaseUntil
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                  AND (claimed_until IS NULL OR claimed_until < :now)
                """)
                .param("claimant", claimant)
                .param("leaseUntil", utc(leaseUntil))
                .param("id", deliveryId)
                .param("now", utc(now))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT d.id, d.recipient, n.subject, n.body, d.attempts
                FROM notification_delivery d JOIN notification_notice n ON n.id = d.notice_id
                WHERE d.id = :id
                """)
                .param("id", deliveryId)
                .query((rs, row) -> new Outgoing(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .optional();
    }

    /** Records a successful send; false when the lease was lost meanwhile (another sender owns it). */
    boolean markSent(long deliveryId, String claimant, Instant now) {
        return jdbc.sql("""
                UPDATE notification_delivery
                SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND claimed_by = :claimant
                """)
                .param("now", utc(now))
                .param("id", deliveryId)
                .param("claimant", claimant)
                .update() == 1;
    }

    /** Records a failed attempt: PENDING again at {@code nextAttemptAt}, or FAILED for good. */
    boolean markAttemptFailed(long deliveryId, String claimant, NoticeStatus status, Instant nextAttemptAt,
            String error) {
        return jdbc.sql("""
                UPDATE notification_delivery
                SET status = :status, attempts = attempts + 1, next_attempt_at = :nextAttemptAt,
                    last_error = :error, claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND claimed_by = :claimant
                """)
                .param("status", status.name())
                .param("nextAttemptAt", utc(nextAttemptAt))
                .param("error", error)
                .param("id", deliveryId)
                .param("claimant", claimant)
                .update() == 1;
    }

    /** What the outbox may be sorted by: id (the delivery's), createdAt, status, recipient, template. */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "d.id", "createdAt", "n.created_at",
            "status", "d.status", "recipient", "d.recipient", "template", "n.template_key")), "d.id", "createdAt", "desc");

    NoticePage list(NoticeFilter filter, int page, int size, SortQuery sort) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.templateKey() != null) {
            where.append(" AND n.template_key = :templateKey");
            params.put("templateKey", filter.templateKey());
        }
        if (filter.reference() != null) {
            where.append(" AND n.reference = :reference");
            params.put("reference", filter.reference());
        }
        if (filter.recipient() != null) {
            where.append(" AND d.recipient = :recipient");
            params.put("recipient", filter.recipient());
        }
        String from = " FROM notification_delivery d JOIN notification_notice n ON n.id = d.notice_id" + where;
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<NoticeDelivery> items = jdbc
                .sql("SELECT " + DELIVERY_COLUMNS + from + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(NotificationRepository::delivery)
                .list();
        return new NoticePage(items, page, size, total);
    }

    private static NoticeDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new NoticeDelivery(
                rs.getLong("id"),
                rs.getLong("notice_id"),
                rs.getString("template_key"),
                rs.getString("reference"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                NoticeStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
