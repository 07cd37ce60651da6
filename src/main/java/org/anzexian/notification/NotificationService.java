package org.anzexian.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox: every module sends mail by enqueueing a notice here, in the transaction of its
 * business change. The notice commits or rolls back with that change; {@link NotificationSender}
 * delivers it afterwards, with retries.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_BODY = 8000;
    private static final int MAX_REFERENCE = 100;
    private static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final int MAX_RECIPIENT = 320;
    /** Offered to every template, so a mail can link to the system. */
    static final String BASE_URL_VARIABLE = "baseUrl";

    private final NotificationRepository repository;
    private final MailTemplates templates;
    private final GroupDirectory groups;
    private final TransactionTemplate savepoint;
    private final String baseUrl;
    private final Clock clock = Clock.systemUTC();

    NotificationService(NotificationRepository repository, MailTemplates templates, GroupDirectory groups,
            PlatformTransactionManager transactions, @Value("${anzexian.base-url}") String baseUrl) {
        this.repository = repository;
        this.templates = templates;
        this.groups = groups;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.baseUrl = baseUrl;
    }

    /**
     * Writes a notice into the outbox, rendered now, within the caller's transaction (there must be
     * one: a notice outside the business transaction could announce a change that never happened).
     * A notice with an idempotency key already in the outbox is not written again.
     *
     * @return the id of the notice, the existing one when the key was seen before
     * @throws IllegalArgumentException unknown template, missing model variable, bad recipient,
     *                                  missing reference or key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(Notice notice) {
        String reference = requireText(notice.reference(), "reference", MAX_REFERENCE);
        String idempotencyKey = requireText(notice.idempotencyKey(), "idempotencyKey", MAX_IDEMPOTENCY_KEY);
        Set<String> recipients = validRecipients(notice.recipients());
        MailTemplates.RenderedMail mail = templates.render(notice.templateKey(), withBaseUrl(notice.model()));
        if (mail.subject().length() > MAX_SUBJECT || mail.body().length() > MAX_BODY) {
            throw new IllegalArgumentException("邮件过长 (rendered mail too long) for template " + notice.templateKey()
                    + ": subject at most " + MAX_SUBJECT + ", body at most " + MAX_BODY + " characters");
        }
        Instant now = clock.instant();
        if (repository.skipsTakenKeys()) {
            // the notice with its deliveries in one statement, where a look-up, a savepoint and an insert per
            // recipient would be more: a key taken, also by a transaction still running (the insert waits for its
            // end), inserts nothing
            Optional<Long> inserted = repository.insertNoticeUnlessKeyTaken(notice.templateKey(), mail.subject(),
                    mail.body(), reference, idempotencyKey, recipients, now);
            return inserted.or(() -> repository.findNoticeId(idempotencyKey)).orElseThrow(() ->
                    new IllegalStateException("notice " + idempotencyKey + " was neither inserted nor found"));
        }
        Optional<Long> existing = repository.findNoticeId(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            // a savepoint, so that losing a race for the key does not abort the caller's transaction
            // (PostgreSQL refuses every further statement of a transaction after an error)
            return savepoint.execute(status -> {
                long noticeId = repository.insertNotice(notice.templateKey(), mail.subject(), mail.body(), reference,
                        idempotencyKey, now);
                recipients.forEach(recipient -> repository.insertDelivery(noticeId, recipient, now));
                return noticeId;
            });
        } catch (DuplicateKeyException concurrentlyEnqueued) {
            log.info("Notice {} was enqueued concurrently by another transaction; keeping that one", idempotencyKey);
            return repository.findNoticeId(idempotencyKey).orElseThrow(() -> concurrentlyEnqueued);
        }
    }

    /**
     * Enqueues a notice to the members of Camunda groups (an organization, a county authority, the
     * city bureau). Members without a usable e-mail address are skipped with a warning: a person's
     * missing address must not undo the business change.
     *
     * @return the notice id, or empty when no member of the groups has an e-mail address
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> enqueueToGroups(String templateKey, Collection<String> groupIds, Map<String, Object> model,
            String reference, String idempotencyKey) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String groupId : groupIds) {
            for (String email : groups.memberEmails(groupId)) {
                if (isValidAddress(email)) {
                    addresses.add(email);
                } else {
                    log.warn("Group {} member has an unusable e-mail address '{}'; not mailed {} for {}", groupId,
                            email, templateKey, reference);
                }
            }
        }
        if (addresses.isEmpty()) {
            log.warn("No member of groups {} has an e-mail address: notice {} for {} not written", groupIds,
                    templateKey, reference);
            return Optional.empty();
        }
        return Optional.of(enqueue(new Notice(templateKey, List.copyOf(addresses), model, reference, idempotencyKey)));
    }

    /** The outbox for admins, newest first; one row per recipient. */
    @Transactional(readOnly = true)
    public NoticePage list(NoticeFilter filter, int page, int size) {
        return list(filter, page, size, sortFields().parse(null));
    }

    /** What the outbox may be sorted by: id, createdAt, status, recipient, template. */
    public static SortFields sortFields() {
        return NotificationRepository.SORT;
    }

    /** The outbox in the asked order. */
    public NoticePage list(NoticeFilter filter, int page, int size, SortQuery sort) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page >= 0 and size >= 1 required");
        }
        NoticeFilter normalized = new NoticeFilter(filter.status(), blankToNull(filter.templateKey()),
                blankToNull(filter.reference()),
                filter.recipient() == null || filter.recipient().isBlank() ? null : normalize(filter.recipient()));
        return repository.list(normalized, page, size, sort);
    }

    private Map<String, Object> withBaseUrl(Map<String, Object> model) {
        Map<String, Object> withBaseUrl = new HashMap<>(model);
        withBaseUrl.putIfAbsent(BASE_URL_VARIABLE, baseUrl);
        return withBaseUrl;
    }

    private static Set<String> validRecipients(List<String> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("通知至少需要一个收件人 (a notice needs at least one recipient)");
        }
        Set<String> valid = new LinkedHashSet<>();
        for (String recipient : recipients) {
            if (!isValidAddress(recipient)) {
                throw new IllegalArgumentException("收件人邮箱地址无效 (invalid e-mail recipient): '" + recipient + "'");
            }
            valid.add(normalize(recipient));
        }
        return valid;
    }

    /** A bare address {@code local@domain}: no display name, no list, no local-only address. */
    private static boolean isValidAddress(String address) {
        if (address == null || address.isBlank() || address.strip().length() > MAX_RECIPIENT) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            int at = parsed.getAddress().lastIndexOf('@');
            return parsed.getPersonal() == null && parsed.getAddress().equals(address.strip())
                    && at > 0 && at < parsed.getAddress().length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Addresses are kept in lower case, so duplicates collapse and the admin filter matches any case. */
    private static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static String requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("通知缺少 " + name + " (notice needs a " + name + ")");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " longer than " + maxLength + " characters: " + value);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
