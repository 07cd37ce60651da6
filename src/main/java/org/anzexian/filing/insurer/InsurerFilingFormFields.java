package org.anzexian.filing.insurer;

import java.util.List;
import java.util.Map;

/**
 * The fields of the Tasklist forms {@code forms/insurerFilingStart.html} and
 * {@code forms/insurerFilingCorrection.html}: their variable names, and the Chinese label under which a
 * refusal names a field — whether the form reader found the problem (a variable) or the rules of
 * {@link InsurerFilingData} (a property path): the clerk sees "营业执照有效期至: …", not a path.
 */
final class InsurerFilingFormFields {

    static final String PARENT_AUTHORIZATION_FILE = "parentAuthorizationFile";
    static final String BUSINESS_LICENSE_FILE = "businessLicenseFile";
    static final String INSURANCE_LICENSE_FILE = "insuranceLicenseFile";
    static final String AUDIT_REPORT_FILE = "auditReportFile";
    static final String LEAD_PROOF_FILE = "leadProofFile";
    static final String INSURANCE_PLAN_FILE = "insurancePlanFile";
    static final String POLICY_TERMS_FILE = "policyTermsFile";
    static final String CLAIMS_SERVICE_PLAN_FILE = "claimsServicePlanFile";
    static final String PREVENTION_PLAN_FILE = "preventionPlanFile";

    /** The fields a person types or picks (the documents are {@code *File} uploads, taken separately). */
    static final List<String> ENTERED = List.of("parentName", "parentCreditCode", "businessLicenseNumber",
            "businessLicenseValidUntil", "insuranceLicenseNumber", "insuranceLicenseValidUntil", "principalName",
            "principalPhone", "auditYear", "auditor", "comprehensiveSolvencyRatio", "coreSolvencyRatio",
            "solvencyStatement", "leadName", "leadYearsOfWork", "leadProofType", "managerName", "managerPosition",
            "claimsLinePhone", "claimsMemberName", "claimsMemberPosition", "claimsServicePlan", "insurancePlan",
            "policyTerms", "preventionPlan", "serviceOrgAssessment", "policiesUnderwritten", "claimsHandled",
            "preventionServicesDelivered");

    /** The uploads of the forms. */
    static final List<String> FILES = List.of(PARENT_AUTHORIZATION_FILE, BUSINESS_LICENSE_FILE, INSURANCE_LICENSE_FILE,
            AUDIT_REPORT_FILE, LEAD_PROOF_FILE, INSURANCE_PLAN_FILE, POLICY_TERMS_FILE, CLAIMS_SERVICE_PLAN_FILE,
            PREVENTION_PLAN_FILE);

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("insurerOrgId", "保险机构"),
            Map.entry("parentName", "总公司名称"),
            Map.entry("parentCreditCode", "总公司统一社会信用代码"),
            Map.entry("parentAuthorizationHash", "总公司授权书"),
            Map.entry(PARENT_AUTHORIZATION_FILE, "总公司授权书"),
            Map.entry("businessLicense", "营业执照"),
            Map.entry("businessLicenseNumber", "营业执照编号"),
            Map.entry("businessLicense.number", "营业执照编号"),
            Map.entry("businessLicenseValidUntil", "营业执照有效期至"),
            Map.entry("businessLicense.validUntil", "营业执照有效期至"),
            Map.entry("businessLicense.scanHash", "营业执照扫描件"),
            Map.entry(BUSINESS_LICENSE_FILE, "营业执照扫描件"),
            Map.entry("insuranceLicense", "保险许可证"),
            Map.entry("insuranceLicenseNumber", "保险许可证编号"),
            Map.entry("insuranceLicense.number", "保险许可证编号"),
            Map.entry("insuranceLicenseValidUntil", "保险许可证有效期至"),
            Map.entry("insuranceLicense.validUntil", "保险许可证有效期至"),
            Map.entry("insuranceLicense.scanHash", "保险许可证扫描件"),
            Map.entry(INSURANCE_LICENSE_FILE, "保险许可证扫描件"),
            Map.entry("principalName", "负责人"),
            Map.entry("principal.name", "负责人"),
            Map.entry("principalPhone", "负责人电话"),
            Map.entry("principal.phone", "负责人电话"),
            Map.entry("auditYear", "审计年度"),
            Map.entry("auditReport.year", "审计年度"),
            Map.entry("auditor", "审计机构"),
            Map.entry("auditReport.auditor", "审计机构"),
            Map.entry("comprehensiveSolvencyRatio", "综合偿付能力充足率（%）"),
            Map.entry("auditReport.comprehensiveSolvencyRatio", "综合偿付能力充足率（%）"),
            Map.entry("coreSolvencyRatio", "核心偿付能力充足率（%）"),
            Map.entry("auditReport.coreSolvencyRatio", "核心偿付能力充足率（%）"),
            Map.entry("auditReport.fileHash", "审计报告文件"),
            Map.entry(AUDIT_REPORT_FILE, "审计报告文件"),
            Map.entry("leadName", "项目负责人姓名"),
            Map.entry("projectLeads[0].name", "项目负责人姓名"),
            Map.entry("leadYearsOfWork", "项目负责人工作年限（年）"),
            Map.entry("projectLeads[0].yearsOfWork", "项目负责人工作年限（年）"),
            Map.entry("leadProofType", "年限证明类型"),
            Map.entry("projectLeads[0].proofType", "年限证明类型"),
            Map.entry("projectLeads[0].proofHash", "年限证明文件"),
            Map.entry(LEAD_PROOF_FILE, "年限证明文件"),
            Map.entry("managerName", "管理团队成员姓名"),
            Map.entry("managementTeam[0].name", "管理团队成员姓名"),
            Map.entry("managerPosition", "管理团队成员职务"),
            Map.entry("managementTeam[0].position", "管理团队成员职务"),
            Map.entry("insurancePlan", "保险方案"),
            Map.entry("insurancePlan.text", "保险方案"),
            Map.entry("insurancePlan.fileHash", "保险方案文件"),
            Map.entry(INSURANCE_PLAN_FILE, "保险方案文件"),
            Map.entry("policyTerms", "保险条款"),
            Map.entry("policyTerms.text", "保险条款"),
            Map.entry("policyTerms.fileHash", "保险条款文件"),
            Map.entry(POLICY_TERMS_FILE, "保险条款文件"),
            Map.entry("claimsServicePlan", "承保理赔服务方案"),
            Map.entry("claimsService.plan", "承保理赔服务方案"),
            Map.entry("claimsService.plan.text", "承保理赔服务方案"),
            Map.entry("claimsService.plan.fileHash", "承保理赔服务方案文件"),
            Map.entry(CLAIMS_SERVICE_PLAN_FILE, "承保理赔服务方案文件"),
            Map.entry("claimsLinePhone", "24小时理赔服务电话"),
            Map.entry("claimsService.claimsLinePhone", "24小时理赔服务电话"),
            Map.entry("claimsMemberName", "理赔人员姓名"),
            Map.entry("claimsService.claimsTeam[0].name", "理赔人员姓名"),
            Map.entry("claimsMemberPosition", "理赔人员职务"),
            Map.entry("claimsService.claimsTeam[0].position", "理赔人员职务"),
            Map.entry("preventionPlan", "事故预防服务方案"),
            Map.entry("preventionPlan.plan", "事故预防服务方案"),
            Map.entry("preventionPlan.plan.text", "事故预防服务方案"),
            Map.entry("preventionPlan.plan.fileHash", "事故预防服务方案文件"),
            Map.entry(PREVENTION_PLAN_FILE, "事故预防服务方案文件"),
            Map.entry("serviceOrgAssessment", "对服务机构的考核办法"),
            Map.entry("preventionPlan.serviceOrgAssessment", "对服务机构的考核办法"),
            Map.entry("policiesUnderwritten", "承保件数"),
            Map.entry("experience.policiesUnderwritten", "承保件数"),
            Map.entry("claimsHandled", "理赔件数"),
            Map.entry("experience.claimsHandled", "理赔件数"),
            Map.entry("preventionServicesDelivered", "事故预防服务次数"),
            Map.entry("experience.preventionServicesDelivered", "事故预防服务次数"));

    private InsurerFilingFormFields() {
    }

    /** The label of a form variable or a property path of {@link InsurerFilingData}; the name itself if unknown. */
    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
