package org.anzexian.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-site writes and login throttling (#11 findings 2 and 3).
 *
 * @param allowedOrigins origins besides this server's own whose writes to {@code /engine-rest} and
 *        {@code /api} are accepted; Camunda Modeler deploys from its {@code file://} window
 * @param login how many failed logins a source may make before it must wait, and how fast it may go on
 */
@ConfigurationProperties(prefix = "anzexian.security")
public record SecurityProperties(List<String> allowedOrigins, Login login) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of("file://") : List.copyOf(allowedOrigins);
        login = login == null ? new Login(null, null) : login;
    }

    /**
     * @param perSource failed logins from one address, whatever the account
     * @param perSourceAndAccount failed logins from one address for one account
     */
    public record Login(Limit perSource, Limit perSourceAndAccount) {
        public Login {
            perSource = perSource == null ? new Limit(20, Duration.ofSeconds(1)) : perSource;
            perSourceAndAccount = perSourceAndAccount == null ? new Limit(5, Duration.ofSeconds(3)) : perSourceAndAccount;
        }
    }

    /** {@code failures} may happen at once; after that one more each {@code refillEvery}. */
    public record Limit(int failures, Duration refillEvery) {
    }
}
