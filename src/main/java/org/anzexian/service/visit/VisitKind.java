package org.anzexian.service.visit;

/** A visit of the schedule (DMN {@code visitFrequency}) or one the construction unit or the county requested. */
public enum VisitKind {
    REGULAR("定期服务"),
    EXTRA("加派服务");

    private final String label;

    VisitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
