package org.anzexian.registry.organization;

import org.anzexian.platform.identity.Role;

/** What an organization is to the platform; all but bureaus get a group named after their id. */
public enum OrganizationType {
    INSURER("保险机构", Role.INSURER),
    SERVICE_ORG("第三方技术服务机构", Role.SERVICE_ORG),
    CONSTRUCTION_UNIT("施工单位", Role.BUILDER),
    /** A government body; its group is one of {@link BureauGroup}, named in the request. */
    BUREAU("主管部门", null),
    /** Survey, design, supervision, supply or a subcontractor: a party to projects, no Tasklist. */
    PARTICIPANT("其他参建单位", Role.PARTICIPANT);

    private final String label;
    private final Role role;

    OrganizationType(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    /** The role of the organization's own group; {@code null} for bureaus, whose group is chosen. */
    Role role() {
        return role;
    }
}
