package org.anzexian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

/** Without {@code spring.mail.host} notices stay in the outbox and nothing reports mail as DOWN. */
class NotificationWithoutSmtpTest {

    private final ApplicationContextRunner mailAutoConfiguration = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, MailHealthContributorAutoConfiguration.class));

    @Test
    void withoutHostSpringBootCreatesNeitherMailSenderNorMailHealthCheck() {
        mailAutoConfiguration.run(context -> assertThat(context)
                .doesNotHaveBean(JavaMailSender.class)
                .doesNotHaveBean(MailHealthIndicator.class));
        mailAutoConfiguration.withPropertyValues("spring.mail.host=127.0.0.1").run(context -> assertThat(context)
                .hasSingleBean(JavaMailSender.class)
                .hasSingleBean(MailHealthIndicator.class));
    }

    @Test
    void withoutMailSenderTheSenderLeavesTheOutboxAlone() {
        // no repository at all: touching the outbox would fail the test
        NotificationSender sender = new NotificationSender(null,
                new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new NotificationProperties("anzexian@localhost", 20, 20, Duration.ofSeconds(30),
                        Duration.ofHours(1), Duration.ofMinutes(2)));

        assertThat(sender.sendDue()).isZero();
    }
}
