package org.anzexian.claim;

/** How an accident came in: the construction unit's own report, or the insurer's 24-hour line (N6.5, N6.6). */
public enum ReportChannel {
    ONLINE("施工单位报案"),
    PHONE("24小时报案电话代录");

    private final String label;

    ReportChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
