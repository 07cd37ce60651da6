package org.anzexian.hazard;

/** Where a hazard stands (N8.9). */
public enum HazardStatus {
    OPEN("待整改"),
    SUBMITTED("整改待复核"),
    CLOSED("已销号");

    private final String label;

    HazardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
