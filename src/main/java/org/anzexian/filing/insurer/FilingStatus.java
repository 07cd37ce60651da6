package org.anzexian.filing.insurer;

import java.util.Set;

/** Where an insurer filing stands. Only FILED lets the insurer do business (N5.2). */
public enum FilingStatus {
    SUBMITTED("已提交"),
    NEEDS_CORRECTION("待补正"),
    IN_REVIEW("审核中"),
    FILED("已备案"),
    REJECTED("不予备案"),
    WITHDRAWN("已撤回"),
    LAPSED("逾期未补正"),
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
}
