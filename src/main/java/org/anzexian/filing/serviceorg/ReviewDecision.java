package org.anzexian.filing.serviceorg;

/** The city bureau's decision on a filing whose checks passed. */
public enum ReviewDecision {
    APPROVE("准予备案"),
    REJECT("不予备案"),
    MORE_INFO("补充材料");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
