package org.anzexian.platform.engine;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database could not be reached, so that the same work will succeed once it
 * answers again (#15, PostgreSQL restarted under load): an {@link SQLException} in the cause chain with
 * SQLState class 08 (connection exception: the socket broke, the pool's connection was closed), 57P01–57P03
 * (the server shutting down, crashed or still starting up), or a {@link SQLTransientConnectionException} (the
 * pool found no connection in time). When the rollback on the broken connection failed as well, Spring throws
 * that rollback failure and keeps the first one as its application exception, which is looked at too.
 */
public final class ConnectionLoss {

    private ConnectionLoss() {
    }

    public static boolean in(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> toSee = new ArrayDeque<>();
        toSee.add(failure);
        while (!toSee.isEmpty()) {
            Throwable cause = toSee.poll();
            if (seen.put(cause, true) != null) {
                continue;
            }
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            // a rollback on the broken connection fails too, and Spring keeps the first failure beside it
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                toSee.add(rollback.getApplicationException());
            }
            if (cause.getCause() != null) {
                toSee.add(cause.getCause());
            }
        }
        return false;
    }
}
