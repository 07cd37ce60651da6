package org.anzexian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.anzexian.support.TestSmtp;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The mail outbox against a real SMTP server (GreenMail on the test profile's port); H2 and PostgreSQL. */
abstract class NotificationContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationSender sender;

    @Autowired
    NotificationRepository outbox;

    @Autowired
    GroupDirectory groups;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestRestTemplate http;

    @Test
    void committedNoticeIsMailedWithChineseSubjectAndBodyIntact() throws Exception {
        String recipient = uniqueAddress();
        String reference = uniqueReference();

        inTransaction(() -> notifications.enqueue(testNotice(recipient, reference, "key-" + reference)));

        MimeMessage mail = awaitSingleMailTo(recipient);
        awaitStatus(reference, NoticeStatus.SENT);
        assertThat(mail.getSubject()).isEqualTo("测试通知：张三 的隐患整改");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("张三，您好").contains("项目“忻州一中教学楼”的隐患已登记")
                .contains("2026年12月1日");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("anzexian@localhost");
        NoticeDelivery delivery = single(reference);
        assertThat(delivery.sentAt()).isNotNull();
        assertThat(delivery.attempts()).isEqualTo(1);
    }

    @Test
    void noticeVanishesWithTheBusinessTransactionThatRollsBack() {
        String recipient = uniqueAddress();
        String reference = uniqueReference();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.enqueue(testNotice(recipient, reference, "key-" + reference));
            status.setRollbackOnly();
        });

        assertThat(notifications.list(byReference(reference), 0, 10).total()).isZero();
        sender.sendDue();
        assertThat(mailsTo(recipient)).isEmpty();
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        String reference = uniqueReference();
        assertThatThrownBy(() -> notifications.enqueue(testNotice(uniqueAddress(), reference, "key-" + reference)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void sameIdempotencyKeyTwiceWritesOneNoticeAndSendsOneMail() {
        String recipient = uniqueAddress();
        String reference = uniqueReference();
        String key = "key-" + reference;

        long first = inTransaction(() -> notifications.enqueue(testNotice(recipient, reference, key)));
        long retried = inTransaction(() -> notifications.enqueue(testNotice(recipient, reference, key)));
        long sameTransaction = inTransaction(() -> {
            notifications.enqueue(testNotice(recipient, reference, key));
            return notifications.enqueue(testNotice(recipient, reference, key));
        });

        assertThat(retried).isEqualTo(first);
        assertThat(sameTransaction).isEqualTo(first);
        awaitSingleMailTo(recipient);
        sender.sendDue();
        assertThat(mailsTo(recipient)).hasSize(1);
        assertThat(notifications.list(byReference(reference), 0, 10).total()).isOne();
    }

    @Test
    void losingARaceForTheSameKeyKeepsTheLosersTransactionAlive() throws Exception {
        String recipient = uniqueAddress();
        String reference = uniqueReference();
        String key = "key-" + reference;
        String otherReference = uniqueReference();
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = threads.submit(() -> inTransaction(() -> {
                long id = notifications.enqueue(testNotice(recipient, reference, key));
                firstWritten.countDown();
                releaseFirst.await();
                return id;
            }));
            firstWritten.await();
            Future<Long> second = threads.submit(() -> inTransaction(() -> {
                long id = notifications.enqueue(testNotice(recipient, reference, key));
                // the same transaction goes on with its own business, which must commit
                notifications.enqueue(testNotice(uniqueAddress(), otherReference, "key-" + otherReference));
                return id;
            }));

            // the second writer waits on the first one's uncommitted key instead of writing a duplicate
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            releaseFirst.countDown();

            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
        } finally {
            releaseFirst.countDown();
            threads.shutdown();
        }
        assertThat(notifications.list(byReference(reference), 0, 10).total()).isOne();
        assertThat(notifications.list(byReference(otherReference), 0, 10).total()).isOne();
        awaitSingleMailTo(recipient);
    }

    @Test
    void whileSmtpIsDownTheNoticeWaitsWithItsErrorAndIsDeliveredOnceWhenSmtpIsBack() {
        String recipient = uniqueAddress();
        String reference = uniqueReference();
        smtp.stop();

        inTransaction(() -> notifications.enqueue(testNotice(recipient, reference, "key-" + reference)));

        await().atMost(DELIVERY).until(() -> single(reference).attempts() >= 1);
        NoticeDelivery waiting = single(reference);
        assertThat(waiting.status()).isEqualTo(NoticeStatus.PENDING);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.sentAt()).isNull();

        smtp.start();

        awaitSingleMailTo(recipient);
        awaitStatus(reference, NoticeStatus.SENT);
        sender.sendDue();
        assertThat(mailsTo(recipient)).hasSize(1);
        assertThat(single(reference).attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeliveryThatKeepsFailingIsMarkedFailedAfterMaxAttempts() {
        String recipient = uniqueAddress();
        String reference = uniqueReference();
        smtp.stop();

        inTransaction(() -> notifications.enqueue(testNotice(recipient, reference, "key-" + reference)));

        awaitStatus(reference, NoticeStatus.FAILED);
        NoticeDelivery failed = single(reference);
        assertThat(failed.attempts()).isEqualTo(6); // anzexian.notification.max-attempts of the test profile
        assertThat(failed.lastError()).isNotBlank();

        smtp.start();
        sender.sendDue();
        assertThat(mailsTo(recipient)).isEmpty();
        assertThat(single(reference).status()).isEqualTo(NoticeStatus.FAILED);
    }

    @Test
    void twoSendersRacingSendEachNoticeExactlyOnce() throws Exception {
        List<String> recipients = IntStream.range(0, 30).mapToObj(i -> uniqueAddress()).toList();
        String reference = uniqueReference();
        inTransaction(() -> {
            for (int i = 0; i < recipients.size(); i++) {
                notifications.enqueue(testNotice(recipients.get(i), reference, "key-" + reference + "-" + i));
            }
            return null;
        });

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> race = () -> {
            start.await();
            return sender.sendDue();
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> senders = List.of(threads.submit(race), threads.submit(race));
            start.countDown();
            for (Future<Integer> each : senders) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }

        await().atMost(DELIVERY).until(() -> notifications
                .list(new NoticeFilter(NoticeStatus.SENT, null, reference, null), 0, 100).total() == recipients.size());
        sender.sendDue();
        for (String recipient : recipients) {
            assertThat(mailsTo(recipient)).as("mails to %s", recipient).hasSize(1);
        }
    }

    @Test
    void aClaimIsExclusiveUntilItsLeaseRunsOut() {
        String reference = uniqueReference();
        // inside one transaction that is rolled back, so the background sender never sees the row
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.enqueue(testNotice(uniqueAddress(), reference, "key-" + reference));
            long deliveryId = single(reference).id();
            Instant now = Instant.now().plusSeconds(1);
            Instant leaseUntil = now.plusSeconds(60);

            assertThat(outbox.claim(deliveryId, "node-a", now, leaseUntil)).isPresent();
            assertThat(outbox.claim(deliveryId, "node-b", now, leaseUntil)).isEmpty();
            assertThat(outbox.markSent(deliveryId, "node-b", now)).isFalse();
            assertThat(outbox.claim(deliveryId, "node-b", leaseUntil.plusSeconds(1), leaseUntil.plusSeconds(61)))
                    .isPresent();
            assertThat(outbox.markSent(deliveryId, "node-a", now)).isFalse();
            assertThat(outbox.markSent(deliveryId, "node-b", now)).isTrue();
            assertThat(outbox.claim(deliveryId, "node-c", leaseUntil.plusSeconds(120), leaseUntil.plusSeconds(180)))
                    .isEmpty();
            status.setRollbackOnly();
        });
    }

    @Test
    void noticeToGroupsReachesEveryMemberWithAnAddress() {
        String suffix = suffix();
        String group = "participant" + suffix;
        groups.ensureGroup(group, "测试机构 " + suffix, Role.PARTICIPANT);
        String first = "ntfa" + suffix;
        String second = "ntfb" + suffix;
        String withoutAddress = "ntfc" + suffix;
        groups.ensureUser(first, "一", "张", first + "@example.test", "pw" + suffix);
        groups.ensureUser(second, "二", "李", second + "@example.test", "pw" + suffix);
        groups.ensureUser(withoutAddress, "三", "王", null, "pw" + suffix);
        List.of(first, second, withoutAddress).forEach(user -> groups.ensureMembership(user, group));
        String reference = uniqueReference();

        var noticeId = inTransaction(() -> notifications.enqueueToGroups("test-notice", List.of(group),
                model(), reference, "key-" + reference));

        assertThat(noticeId).isPresent();
        awaitSingleMailTo(first + "@example.test");
        awaitSingleMailTo(second + "@example.test");
        assertThat(notifications.list(byReference(reference), 0, 10).items()).extracting(NoticeDelivery::recipient)
                .containsExactlyInAnyOrder(first + "@example.test", second + "@example.test");
    }

    @Test
    void unknownTemplateMissingVariableAndBadRecipientAreRefusedByName() {
        String reference = uniqueReference();
        assertThatThrownBy(() -> inTransaction(() -> notifications.enqueue(new Notice("no-such-template",
                List.of(uniqueAddress()), model(), reference, "key-" + reference))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-template");
        assertThatThrownBy(() -> inTransaction(() -> notifications.enqueue(new Notice("test-notice",
                List.of(uniqueAddress()), Map.of("name", "张三", "project", "某项目"), reference, "key-" + reference))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        for (String bad : Arrays.asList("", " ", "not-an-address", "a@b@c", "张三 <x@example.test>", null)) {
            assertThatThrownBy(() -> inTransaction(() -> notifications.enqueue(new Notice("test-notice",
                    Arrays.asList(bad), model(), reference, "key-" + reference))))
                    .as("recipient %s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid e-mail recipient");
        }
        assertThat(notifications.list(byReference(reference), 0, 10).total()).isZero();
    }

    @Test
    void adminListsTheOutboxWithFilters() {
        String recipient = uniqueAddress();
        String reference = uniqueReference();
        inTransaction(() -> notifications.enqueue(testNotice(recipient, reference, "key-" + reference)));
        awaitSingleMailTo(recipient);
        awaitStatus(reference, NoticeStatus.SENT);

        ResponseEntity<NoticePage> page = http.withBasicAuth("demo", "demo").getForEntity(
                "/api/notifications?reference={reference}&status=SENT&template=test-notice&recipient={recipient}",
                NoticePage.class, reference, recipient.toUpperCase());

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody().total()).isOne();
        NoticeDelivery row = page.getBody().items().get(0);
        assertThat(row.recipient()).isEqualTo(recipient);
        assertThat(row.subject()).isEqualTo("测试通知：张三 的隐患整改");
        assertThat(row.status()).isEqualTo(NoticeStatus.SENT);
        assertThat(http.withBasicAuth("demo", "demo")
                .getForEntity("/api/notifications?reference={reference}&status=PENDING", NoticePage.class, reference)
                .getBody().total()).isZero();
        assertThat(http.withBasicAuth("demo", "demo")
                .getForEntity("/api/notifications?size=1000", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void outboxIsClosedToOtherUsersAndToAnonymousCalls() {
        String suffix = suffix();
        String organization = "participant" + suffix;
        String user = "ntfclerk" + suffix;
        groups.ensureGroup(organization, "测试机构 " + suffix, Role.PARTICIPANT);
        groups.ensureUser(user, "员", "职", user + "@example.test", "pw" + user);
        groups.ensureMembership(user, organization);

        assertThat(http.withBasicAuth(user, "pw" + user).getForEntity("/api/notifications", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/notifications", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthStaysUpWhileSmtpIsDown() {
        smtp.stop();
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").doesNotContain("\"mail\"");
    }

    private static Notice testNotice(String recipient, String reference, String key) {
        return new Notice("test-notice", List.of(recipient), model(), reference, key);
    }

    private static Map<String, Object> model() {
        return Map.of("name", "张三", "project", "忻州一中教学楼", "deadline", "2026年12月1日");
    }

    private NoticeDelivery single(String reference) {
        List<NoticeDelivery> items = notifications.list(byReference(reference), 0, 10).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** The sender records the outcome just after SMTP accepted the mail, so wait for it too. */
    private void awaitStatus(String reference, NoticeStatus status) {
        await().atMost(DELIVERY).until(() -> single(reference).status() == status);
    }

    private static NoticeFilter byReference(String reference) {
        return new NoticeFilter(null, null, reference, null);
    }

    private MimeMessage awaitSingleMailTo(String recipient) {
        await().atMost(DELIVERY).until(() -> !mailsTo(recipient).isEmpty());
        List<MimeMessage> mails = mailsTo(recipient);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<MimeMessage> mailsTo(String recipient) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equalsIgnoreCase(recipient))) {
                    mails.add(mail);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(GreenMailUtil.getWholeMessage(mail), e);
            }
        }
        return mails;
    }

    private <T> T inTransaction(Callable<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String uniqueAddress() {
        return "ntf" + suffix() + "@example.test";
    }

    private static String uniqueReference() {
        return "test:" + suffix();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
