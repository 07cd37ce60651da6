package org.anzexian.filing.insurer;

import java.time.OffsetDateTime;

/** The outcome of one named check in one submission round, as the clerk sees it. */
public record CheckResult(FilingCheck check, String label, boolean passed, String reason, int round,
        OffsetDateTime checkedAt) {

    static CheckResult pass(FilingCheck check, String reason) {
        return new CheckResult(check, check.label(), true, reason, 0, null);
    }

    static CheckResult fail(FilingCheck check, String reason) {
        return new CheckResult(check, check.label(), false, reason, 0, null);
    }
}
