package org.anzexian.filing.serviceorg;

/** The automatic checks of a service-organization filing, each named after its rule. */
public enum EligibilityCheck {
    QUALIFICATION_OR_EXPERIENCE("N7.2", "监理资质乙级及以上或受托风险管理服务满两年"),
    NO_BAD_RECORD("N7.3", "近三年无执法处罚或不良行为记录"),
    QUALITY_SYSTEM_DESCRIBED("N7.1", "具备质量控制体系"),
    FIXED_TEAM("N7.4", "有固定的事故预防服务团队"),
    STAFF_TIERS("N7.5", "专业技术人员配备");

    private final String rule;
    private final String label;

    EligibilityCheck(String rule, String label) {
        this.rule = rule;
        this.label = label;
    }

    public String rule() {
        return rule;
    }

    public String label() {
        return label;
    }
}
