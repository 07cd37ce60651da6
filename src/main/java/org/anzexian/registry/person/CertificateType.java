package org.anzexian.registry.person;

/** The registered certificates that count for a service organization's staff (N7.5). */
public enum CertificateType {
    SAFETY_ENGINEER("注册安全工程师"),
    FIRST_CLASS_CONSTRUCTOR("一级建造师"),
    FIRST_CLASS_ARCHITECT("一级注册建筑师"),
    FIRST_CLASS_STRUCTURAL_ENGINEER("一级注册结构工程师"),
    SUPERVISION_ENGINEER("注册监理工程师"),
    FIRE_ENGINEER("注册消防工程师"),
    CIVIL_ENGINEER("注册土木工程师");

    private final String label;

    CertificateType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
