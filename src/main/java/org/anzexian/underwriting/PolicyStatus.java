package org.anzexian.underwriting;

public enum PolicyStatus {
    ISSUED("有效"),
    CANCELLED("已注销");

    private final String label;

    PolicyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
