package org.anzexian.supervision.assessment;

/** What the city bureau decides for an organization at the bottom of its ranking (N9.2). */
public enum BottomMeasure {
    TALK("约谈"), NOTICE("通报"), SUSPEND("暂停业务");

    private final String label;

    BottomMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
