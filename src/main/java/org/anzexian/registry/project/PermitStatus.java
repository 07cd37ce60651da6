package org.anzexian.registry.project;

/** Where the construction permit stands; the permit office asks whether the project is insured (N4). */
public enum PermitStatus {
    NONE("未申请"),
    APPLIED("已申请"),
    ISSUED("已核发");

    private final String label;

    PermitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
