package org.anzexian.platform.engine;

import org.springframework.transaction.TransactionSystemException;

/**
 * A commit that lost its connection on the way (#15, PostgreSQL restarted under load): the server may have
 * committed the transaction before the connection broke, or not, and nobody can tell from here. Unlike a failure
 * before the commit, this one must not be answered with "nothing was saved".
 */
public final class CommitInDoubt extends TransactionSystemException {

    public CommitInDoubt(Throwable failure) {
        super("the connection was lost during the commit: the transaction may or may not have been committed", failure);
    }

    /** Whether {@code failure} or one of its causes is a commit in doubt. */
    public static boolean in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 64; depth++, cause = cause.getCause()) {
            if (cause instanceof CommitInDoubt) {
                return true;
            }
        }
        return false;
    }
}
