package org.anzexian.platform.identity;

/**
 * The actors of DESIGN.md §1. A Camunda group's {@code type} holds {@link #groupType()}, so the
 * permissions of a role can be (re)granted to every group of that role at start-up.
 */
public enum Role {
    CITY_BUREAU("cityBureau", "市住建局", true),
    COUNTY("county", "县（市、区）住建部门", true),
    INSURER("insurer", "保险机构", true),
    SERVICE_ORG("serviceOrg", "第三方技术服务机构", true),
    BUILDER("builder", "施工单位", true),
    EMERGENCY_BUREAU("emergencyBureau", "应急管理局", true),
    FINANCIAL_REGULATOR("financialRegulator", "金融监管分局", true),
    PROCESS_OWNERS("processOwners", "流程管理员", true),
    PARTICIPANT("participant", "其他参建单位", false);

    private final String groupType;
    private final String label;
    private final boolean usesTasklist;

    Role(String groupType, String label, boolean usesTasklist) {
        this.groupType = groupType;
        this.label = label;
        this.usesTasklist = usesTasklist;
    }

    public String groupType() {
        return groupType;
    }

    public String label() {
        return label;
    }

    public boolean usesTasklist() {
        return usesTasklist;
    }

    public static Role ofGroupType(String groupType) {
        for (Role role : values()) {
            if (role.groupType.equals(groupType)) {
                return role;
            }
        }
        return null;
    }
}
