package org.anzexian.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: each poll claims due deliveries one by one (a lease, so that several nodes on
 * one database never send the same one), sends each through Spring Mail and records the outcome.
 * Failures are retried with exponential backoff until {@code max-attempts}. Delivery is at least
 * once: a node that dies between the SMTP hand-over and recording it sends again when the lease ends.
 * Without {@code spring.mail.host} Spring Boot creates no {@link JavaMailSender}; then notices stay
 * PENDING in the outbox and this sender does nothing.
 */
@Component
class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final int MAX_ERROR = 1000;

    private final NotificationRepository repository;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final Clock clock = Clock.systemUTC();

    NotificationSender(NotificationRepository repository, ObjectProvider<JavaMailSender> mail,
            NotificationProperties properties) {
        this.repository = repository;
        this.mail = mail.getIfAvailable();
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceMode() {
        if (mail == null) {
            log.warn("spring.mail.host 未配置：通知只保存在发件箱中，不发送 (no SMTP host configured: notices stay "
                    + "PENDING in the outbox until a host is configured and the application restarted)");
        } else {
            log.info("Notifications are sent by SMTP from {}", properties.from());
        }
    }

    @Scheduled(fixedDelayString = "${anzexian.notification.poll-interval:5s}",
            initialDelayString = "${anzexian.notification.poll-interval:5s}")
    void poll() {
        sendDue();
    }

    /** Sends what is due now, at most one batch; returns how many were sent. */
    int sendDue() {
        if (mail == null) {
            return 0;
        }
        String claimant = UUID.randomUUID().toString();
        int sent = 0;
        for (long deliveryId : repository.findDue(clock.instant(), properties.batchSize())) {
            Instant now = clock.instant();
            var claimed = repository.claim(deliveryId, claimant, now, now.plus(properties.lease()));
            if (claimed.isPresent() && deliver(claimed.get(), claimant)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(NotificationRepository.Outgoing outgoing, String claimant) {
        try {
            mail.send(message(outgoing));
        } catch (MailException | MessagingException e) {
            recordFailure(outgoing, claimant, e);
            return false;
        }
        if (!repository.markSent(outgoing.deliveryId(), claimant, clock.instant())) {
            log.warn("Notice delivery {} was sent but its lease had run out; it may be sent twice - raise "
                    + "anzexian.notification.lease above the SMTP timeouts", outgoing.deliveryId());
        }
        return true;
    }

    private MimeMessage message(NotificationRepository.Outgoing outgoing) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(outgoing.recipient());
        helper.setSubject(outgoing.subject());
        helper.setText(outgoing.body(), false);
        return message;
    }

    private void recordFailure(NotificationRepository.Outgoing outgoing, String claimant, Exception e) {
        int attempts = outgoing.attempts() + 1;
        boolean givingUp = attempts >= properties.maxAttempts();
        String error = describe(e);
        Instant nextAttempt = clock.instant().plus(properties.backoffAfter(attempts));
        repository.markAttemptFailed(outgoing.deliveryId(), claimant,
                givingUp ? NoticeStatus.FAILED : NoticeStatus.PENDING, nextAttempt, error);
        if (givingUp) {
            log.error("Notice delivery {} to {} FAILED after {} attempts: {}", outgoing.deliveryId(),
                    outgoing.recipient(), attempts, error);
        } else {
            log.warn("Notice delivery {} to {} failed (attempt {}), retry at {}: {}", outgoing.deliveryId(),
                    outgoing.recipient(), attempts, nextAttempt, error);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (cause == e ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
