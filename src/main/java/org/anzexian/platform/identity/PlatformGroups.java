package org.anzexian.platform.identity;

import org.camunda.bpm.engine.authorization.Groups;

/** Group ids of DESIGN.md §1; Camunda's id whitelist allows letters and digits only. */
public final class PlatformGroups {

    public static final String ADMIN = Groups.CAMUNDA_ADMIN;
    public static final String CITY_BUREAU = "cityBureau";
    public static final String EMERGENCY_BUREAU = "emergencyBureau";
    public static final String FINANCIAL_REGULATOR = "financialRegulator";
    public static final String PROCESS_OWNERS = "processOwners";

    private PlatformGroups() {
    }

    public static String county(String jurisdictionCode) {
        return Role.COUNTY.groupType() + jurisdictionCode;
    }

    /** The group of an insurer, service organization, construction unit or other participant. */
    public static String organization(Role role, long organizationId) {
        return role.groupType() + organizationId;
    }
}
