package org.anzexian.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** #11 finding 10: health answers DOWN within 5 s while the database does not answer, and UP again after. */
class DatabaseHealthIndicatorTest {

    @Test
    void downWithinFiveSecondsWhileTheDatabaseHangsAndUpAgainAfter() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        AtomicBoolean outage = new AtomicBoolean(true);
        // like a pool waiting for a connection to a database that does not answer (Hikari: 30 s)
        DataSource dataSource = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                while (outage.get()) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        throw new SQLException(e);
                    }
                }
                return h2.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
        DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(dataSource, Duration.ofSeconds(3));
        try {
            for (int call = 0; call < 2; call++) {
                long started = System.nanoTime();
                Health health = indicator.health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }

            outage.set(false);

            long started = System.nanoTime();
            Health health = indicator.health();
            while (health.getStatus() != Status.UP && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10) {
                health = indicator.health();
            }
            assertThat(health.getStatus()).isEqualTo(Status.UP);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void downWithinFiveSecondsWhenThePostgresServerAcceptsButNeverAnswers() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0)) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:postgresql://127.0.0.1:" + blackHole.getLocalPort() + "/anzexian", "postgres", "postgres");
            DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(dataSource, Duration.ofSeconds(3));
            try {
                long started = System.nanoTime();
                Health health = indicator.health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            } finally {
                indicator.destroy();
            }
        }
    }
}
