package org.anzexian.platform.health;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Spring Boot's: it answers within
 * {@code anzexian.health.database-timeout} (3 s by default) whatever the database does. Spring Boot's
 * indicator waits for a pooled connection as long as the pool does (Hikari: 30 s) and then checks it
 * without a time limit, so a database outage made health hang (#11, finding 10). Here the check runs
 * on its own thread — one at a time: while a check hangs, later calls wait for the same one — and
 * answers DOWN when it does not finish in time; once the database answers again the next check is UP.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "db-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealthIndicator(DataSource dataSource, @Value("${anzexian.health.database-timeout:3s}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<Health> check = check();
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "数据库未在 " + timeout.toMillis() + " ms 内应答 (database did not answer within "
                    + timeout + ")").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    private synchronized Future<Health> check() {
        if (running == null || running.isDone()) {
            running = checks.submit(this::probe);
        }
        return running;
    }

    private Health probe() throws Exception {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(seconds)) {
                return Health.down().withDetail("error", "connection not valid").build();
            }
            return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .withDetail("validationQuery", "isValid()").build();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
