package org.anzexian.filing.serviceorg;

/** The outcome of one check in one round, with the reason a person reads. */
public record CheckResult(EligibilityCheck check, String label, boolean passed, String reason) {

    static CheckResult pass(EligibilityCheck check, String reason) {
        return new CheckResult(check, check.label(), true, reason);
    }

    static CheckResult fail(EligibilityCheck check, String reason) {
        return new CheckResult(check, check.label(), false, reason);
    }
}
