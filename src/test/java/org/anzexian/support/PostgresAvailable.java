package org.anzexian.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when the local server answers. Without one they are skipped with a reason,
 * except under CI (environment variable {@code CI} set), where a missing server is a failure.
 */
class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresTestDatabase.reachable()) {
            System.setProperty("anzexian.test.postgres.url", PostgresTestDatabase.url());
            return ConditionEvaluationResult.enabled("PostgreSQL answers on " + PostgresTestDatabase.SERVER);
        }
        String reason = "PostgreSQL is not reachable on " + PostgresTestDatabase.SERVER + " as user "
                + PostgresTestDatabase.USER;
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(reason + ", and CI is set: PostgreSQL tests must run in CI");
        }
        return ConditionEvaluationResult.disabled(reason + ": PostgreSQL tests skipped");
    }
}
