package org.anzexian.filing.serviceorg;

/** Where a service-organization filing stands. */
public enum FilingStatus {
    /** stored, checks not yet run */
    SUBMITTED("已提交"),
    /** a check failed or the bureau asked for more: waiting for the organization */
    CORRECTION("待补正"),
    IN_REVIEW("审核中"),
    FILED("已备案"),
    REJECTED("未通过"),
    WITHDRAWN("已撤回"),
    LAPSED("逾期失效");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == SUBMITTED || this == CORRECTION || this == IN_REVIEW;
    }
}
