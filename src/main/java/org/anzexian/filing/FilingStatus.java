package org.anzexian.filing;

import java.util.Set;

/**
 * Where a filing stands — the insurer's (N5) and the service organization's (N7) alike, one name and
 * one label per state. Only FILED lets the filer do business (N5.2); only an insurer's filing is ever
 * SUSPENDED (its license expired or was withdrawn).
 */
public enum FilingStatus {
    /** stored, checks not yet run */
    SUBMITTED("已提交"),
    /** a check failed or the bureau asked for more: waiting for the filer */
    NEEDS_CORRECTION("待补正"),
    IN_REVIEW("审核中"),
    FILED("已备案"),
    REJECTED("不予备案"),
    WITHDRAWN("已撤回"),
    /** the correction deadline passed */
    LAPSED("逾期未补正"),
    /** an insurer's filing only */
    SUSPENDED("已暂停");

    /** A filing in one of these keeps the insurer from submitting another one. */
    public static final Set<FilingStatus> OPEN_OR_FILED = Set.of(SUBMITTED, NEEDS_CORRECTION, IN_REVIEW, FILED, SUSPENDED);

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still being worked on: neither decided nor ended. */
    public boolean isOpen() {
        return this == SUBMITTED || this == NEEDS_CORRECTION || this == IN_REVIEW;
    }
}
