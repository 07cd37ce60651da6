package org.anzexian.hazard;

/** N8.9: a major hazard is rectified at once, a general one by a deadline. */
public enum HazardSeverity {
    MAJOR("重大隐患"),
    GENERAL("一般隐患");

    private final String label;

    HazardSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
