package org.anzexian.support;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import java.util.Map;

/**
 * The SMTP server of the tests (GreenMail) on a port this test JVM picked for itself, so the H2 and
 * PostgreSQL test JVMs, and other test runs on the same machine, never fight over one fixed port.
 * Registered as an {@link EnvironmentPostProcessor} (src/test/resources/META-INF/spring.factories):
 * every test application context sends its mail to {@link #SETUP}.
 */
public final class TestSmtp implements EnvironmentPostProcessor {

    public static final ServerSetup SETUP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // lowest precedence: an explicit spring.mail.port still wins
        environment.getPropertySources().addLast(
                new MapPropertySource("testSmtp", Map.of("spring.mail.port", SETUP.getPort())));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the test SMTP server", e);
        }
    }
}
