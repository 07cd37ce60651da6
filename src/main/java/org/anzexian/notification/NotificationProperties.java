package org.anzexian.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail sender ({@code anzexian.notification.*}). The SMTP server itself is Spring
 * Boot's {@code spring.mail.*}; without {@code spring.mail.host} notices stay in the outbox. The poll
 * interval ({@code anzexian.notification.poll-interval}, default 5s) is read by the scheduler.
 *
 * @param from         sender address of every mail
 * @param batchSize    most deliveries one poll sends
 * @param maxAttempts  attempts before a delivery is marked FAILED; the defaults retry for about
 *                     14 hours, so an SMTP outage overnight loses nothing
 * @param backoffBase  wait after the first failed attempt, doubled after each further one
 * @param backoffMax   longest wait between attempts
 * @param lease        how long a claimed delivery belongs to one sender; must exceed one send
 *                     (the SMTP timeouts in {@code spring.mail.properties})
 */
@ConfigurationProperties("anzexian.notification")
record NotificationProperties(
        @DefaultValue("anzexian@localhost") String from,
        @DefaultValue("20") int batchSize,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("30s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffMax,
        @DefaultValue("2m") Duration lease) {

    NotificationProperties {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("anzexian.notification.batch-size and max-attempts must be at least 1");
        }
        if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException(
                    "anzexian.notification: need 0 <= backoff-base <= backoff-max and a positive lease");
        }
    }

    /** Wait before the next attempt after {@code attempts} failed ones: base, 2×base, 4×base … up to max. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = backoffBase.multipliedBy(1L << doublings);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
