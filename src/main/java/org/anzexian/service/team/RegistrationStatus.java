package org.anzexian.service.team;

/** Where a registration stands; an OVERDUE one that is then registered stays marked {@code late}. */
public enum RegistrationStatus {
    OPEN("待登记"),
    OVERDUE("逾期未登记"),
    REGISTERED("已登记");

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
