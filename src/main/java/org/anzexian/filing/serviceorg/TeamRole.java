package org.anzexian.filing.serviceorg;

/** Roles of the fixed prevention-service team; N7.4 (with N8.1) needs each of them. */
public enum TeamRole {
    TECHNICAL_LEAD("技术负责人"),
    PROJECT_LEAD("项目负责人"),
    SERVICE_STAFF("服务人员");

    private final String label;

    TeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
