package org.anzexian.filing.insurer;

/** The named automatic checks of an insurer filing; each result is shown to the clerk by its label. */
public enum FilingCheck {
    LICENSES_VALID("营业执照和保险许可证在备案日有效", "N3.1, N3.3"),
    LEGAL_PERSON_OR_AUTHORIZED_BRANCH("具有法人资格或为经授权的分支机构", "N3.2"),
    PROJECT_LEADS_EXPERIENCED("项目负责人工作年限达到要求", "N3.4"),
    AUDIT_AND_SOLVENCY("经审计的财务报告及偿付能力达到要求", "N3.5"),
    NOT_ON_DISHONESTY_LISTS("未列入严重失信主体名单和失信被执行人名单", "N3.7"),
    EXPERIENCE_SUFFICIENT("承保理赔和事故预防服务经验达到要求", "N3.8"),
    ONE_BRANCH_PER_COMPANY("同一保险公司仅一家市级分支机构备案", "N4.1");

    private final String label;
    private final String rule;

    FilingCheck(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    public String label() {
        return label;
    }

    public String rule() {
        return rule;
    }
}
