package org.anzexian.filing.insurer;

import java.util.List;

/** What the process needs from a round of checks: whether all passed, and the reasons to show the clerk. */
public record CheckOutcome(boolean allPassed, List<CheckResult> results) {

    /** The failed checks as lines "label：reason", for the correction task and mail. */
    public String failureReasons() {
        return results.stream().filter(result -> !result.passed())
                .map(result -> "【" + result.label() + "】" + result.reason())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
