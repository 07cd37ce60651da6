package org.anzexian.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The mails a test's GreenMail server received, as a person would look for them: by recipient and subject. */
public final class ReceivedMails {

    private ReceivedMails() {
    }

    /** Waits (the outbox sends asynchronously) for a mail to {@code recipient} whose subject contains the part. */
    public static MimeMessage await(GreenMailExtension smtp, String recipient, String subjectPart) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> !of(smtp, recipient, subjectPart).isEmpty());
        return of(smtp, recipient, subjectPart).get(0);
    }

    public static List<MimeMessage> of(GreenMailExtension smtp, String recipient, String subjectPart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().contains(subjectPart) && Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of a plain mail. */
    public static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
