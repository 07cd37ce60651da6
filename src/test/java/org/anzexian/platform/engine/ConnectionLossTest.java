package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures count as a lost database connection (#15): such a job is retried soon with its retries
 * untouched, such an {@code /api} request answered 503; every other failure keeps its own handling.
 * PostgresRestartTest shows the whole.
 */
class ConnectionLossTest {

    @Test
    void aBrokenSocketOrAClosedPoolConnectionIsAConnectionLoss() {
        // as the PostgreSQL driver and Hikari report them, wrapped by Spring and the engine
        assertThat(ConnectionLoss.in(new DataAccessResourceFailureException("SELECT …",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(ConnectionLoss.in(new ProcessEnginePersistenceException("persistence",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed", "08003")))))
                .isTrue();
        assertThat(ConnectionLoss.in(new ProcessEngineException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(ConnectionLoss.in(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(ConnectionLoss.in(new RuntimeException(
                new SQLException("the database system is starting up", "57P03")))).isTrue();
    }

    /**
     * As PostgresRestartTest met it: the rollback on the broken connection failed too, with Hikari's "Connection
     * is closed" (no SQLState); Spring throws that and keeps the I/O error as the application exception.
     */
    @Test
    void aFailedRollbackAfterALostConnectionIsAConnectionLoss() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("INSERT INTO claim …",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(ConnectionLoss.in(new RuntimeException("Request processing failed", rollback))).isTrue();

        TransactionSystemException ownFailure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        ownFailure.initApplicationException(new IllegalStateException("no such hazard"));
        assertThat(ConnectionLoss.in(ownFailure)).isFalse();
    }

    @Test
    void anyOtherFailureIsTheJobsOwn() {
        assertThat(ConnectionLoss.in(new IllegalStateException("no such hazard"))).isFalse();
        assertThat(ConnectionLoss.in(new DuplicateKeyException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(ConnectionLoss.in(new RuntimeException(
                new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
        assertThat(ConnectionLoss.in(new RuntimeException(new SQLException("no state")))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(ConnectionLoss.in(second)).isFalse();
    }
}
