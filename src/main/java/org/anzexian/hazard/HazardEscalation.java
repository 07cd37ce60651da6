package org.anzexian.hazard;

/** How far the current rectification round has been escalated: to the county authority, then to the city bureau. */
public enum HazardEscalation {
    NONE("未升级"),
    COUNTY("县级督办"),
    CITY("市级督办");

    private final String label;

    HazardEscalation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
