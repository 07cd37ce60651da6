package org.anzexian.filing.serviceorg;

/** Who commissioned a risk-management engagement; N7.2 counts these three. */
public enum ClientType {
    INSURER("保险机构"),
    OWNER("建设单位"),
    CONSTRUCTION_AUTHORITY("建设主管部门");

    private final String label;

    ClientType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
