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
 * Which job failures count as a lost database connection (#15): those are retried soon with their retries
 * untouched; every other failure keeps Camunda's retry handling. PostgresRestartTest shows the whole.
 */
class ConnectionLossRetryPluginTest {

    @Test
    void aBrokenSocketOrAClosedPoolConnectionIsAConnectionLoss() {
        // as the PostgreSQL driver and Hikari report them, wrapped by Spring and the engine
        assertThat(ConnectionLossRetryPlugin.connectionLost(new DataAccessResourceFailureException("SELECT …",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new ProcessEnginePersistenceException("persistence",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed", "08003")))))
                .isTrue();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new ProcessEngineException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new RuntimeException(
                new SQLException("the database system is starting up", "57P03")))).isTrue();
    }

    @Test
    void anyOtherFailureIsTheJobsOwn() {
        assertThat(ConnectionLossRetryPlugin.connectionLost(new IllegalStateException("no such hazard"))).isFalse();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new DuplicateKeyException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new RuntimeException(
                new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
        assertThat(ConnectionLossRetryPlugin.connectionLost(new RuntimeException(new SQLException("no state")))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(ConnectionLossRetryPlugin.connectionLost(second)).isFalse();
    }
}
