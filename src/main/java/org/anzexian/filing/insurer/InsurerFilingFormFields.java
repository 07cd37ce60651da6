package org.anzexian.filing.insurer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.anzexian.platform.engine.FormRows;

/**
 * The fields of the Tasklist form {@code forms/insurerFiling.html} (the filing's start and its correction):
 * their variable names, and the Chinese label under which a refusal names a field — whether the form
 * reader found the problem (a variable) or the rules of {@link InsurerFilingData} (a property path): the
 * clerk sees "营业执照有效期至: …" or "项目负责人 2 姓名: …", not a path. Project leads, management team
 * and claims team are repeatable rows ({@link Rows}): {@code lead<n>Name} in the form, {@code projectLeads[n-1].name}
 * in the filing.
 */
final class InsurerFilingFormFields {

    static final String PARENT_AUTHORIZATION_FILE = "parentAuthorizationFile";
    static final String BUSINESS_LICENSE_FILE = "businessLicenseFile";
    static final String INSURANCE_LICENSE_FILE = "insuranceLicenseFile";
    static final String AUDIT_REPORT_FILE = "auditReportFile";
    static final String INSURANCE_PLAN_FILE = "insurancePlanFile";
    static final String POLICY_TERMS_FILE = "policyTermsFile";
    static final String CLAIMS_SERVICE_PLAN_FILE = "claimsServicePlanFile";
    static final String PREVENTION_PLAN_FILE = "preventionPlanFile";

    /** A field of the form that is not in a row: its variable (null: only a property path), label and paths. */
    private record Field(String variable, boolean file, String label, List<String> paths) {
    }

    private static Field typed(String variable, String label, String... paths) {
        return new Field(variable, false, label, List.of(paths));
    }

    private static Field upload(String variable, String label, String path) {
        return new Field(variable, true, label, List.of(path));
    }

    private static Field path(String label, String... paths) {
        return new Field(null, false, label, List.of(paths));
    }

    private static final List<Field> FIELDS = List.of(
            path("保险机构", "insurerOrgId"),
            typed("parentName", "总公司名称", "parentName"),
            typed("parentCreditCode", "总公司统一社会信用代码", "parentCreditCode"),
            upload(PARENT_AUTHORIZATION_FILE, "总公司授权书", "parentAuthorizationHash"),
            path("营业执照", "businessLicense"),
            typed("businessLicenseNumber", "营业执照编号", "businessLicense.number"),
            typed("businessLicenseValidUntil", "营业执照有效期至", "businessLicense.validUntil"),
            upload(BUSINESS_LICENSE_FILE, "营业执照扫描件", "businessLicense.scanHash"),
            path("保险许可证", "insuranceLicense"),
            typed("insuranceLicenseNumber", "保险许可证编号", "insuranceLicense.number"),
            typed("insuranceLicenseValidUntil", "保险许可证有效期至", "insuranceLicense.validUntil"),
            upload(INSURANCE_LICENSE_FILE, "保险许可证扫描件", "insuranceLicense.scanHash"),
            typed("principalName", "负责人", "principal.name"),
            typed("principalPhone", "负责人电话", "principal.phone"),
            typed("auditYear", "审计年度", "auditReport.year"),
            typed("auditor", "审计机构", "auditReport.auditor"),
            typed("comprehensiveSolvencyRatio", "综合偿付能力充足率（%）", "auditReport.comprehensiveSolvencyRatio"),
            typed("coreSolvencyRatio", "核心偿付能力充足率（%）", "auditReport.coreSolvencyRatio"),
            typed("solvencyStatement", "附偿付能力说明", "auditReport.solvencyStatement"),
            upload(AUDIT_REPORT_FILE, "审计报告文件", "auditReport.fileHash"),
            typed("insurancePlan", "保险方案", "insurancePlan", "insurancePlan.text"),
            upload(INSURANCE_PLAN_FILE, "保险方案文件", "insurancePlan.fileHash"),
            typed("policyTerms", "保险条款", "policyTerms", "policyTerms.text"),
            upload(POLICY_TERMS_FILE, "保险条款文件", "policyTerms.fileHash"),
            typed("claimsServicePlan", "承保理赔服务方案", "claimsService.plan", "claimsService.plan.text"),
            upload(CLAIMS_SERVICE_PLAN_FILE, "承保理赔服务方案文件", "claimsService.plan.fileHash"),
            typed("claimsLinePhone", "24小时理赔服务电话", "claimsService.claimsLinePhone"),
            typed("preventionPlan", "事故预防服务方案", "preventionPlan.plan", "preventionPlan.plan.text"),
            upload(PREVENTION_PLAN_FILE, "事故预防服务方案文件", "preventionPlan.plan.fileHash"),
            typed("serviceOrgAssessment", "对服务机构的考核办法", "preventionPlan.serviceOrgAssessment"),
            typed("policiesUnderwritten", "承保件数", "experience.policiesUnderwritten"),
            typed("claimsHandled", "理赔件数", "experience.claimsHandled"),
            typed("preventionServicesDelivered", "事故预防服务次数", "experience.preventionServicesDelivered"));

    /**
     * The repeatable rows: the variable prefix of the form ({@code lead<n>…}), the list of the filing
     * ({@code projectLeads[i]…}), the row's Chinese name, and its parts: variable suffix, property, label.
     * {@code lead<n>ProofFile} uploads a lead's proof; {@code lead<n>ProofKept} names the proof filed
     * before, kept when no new one is uploaded (only a proof of the filing's own leads counts).
     */
    enum Rows {
        LEADS("lead", "projectLeads", "项目负责人", Map.of("Name", "name", "YearsOfWork", "yearsOfWork",
                "ProofType", "proofType", "ProofFile", "proofHash", "ProofKept", "proofHash"),
                Map.of("name", "姓名", "yearsOfWork", "工作年限（年）", "proofType", "年限证明类型", "proofHash", "年限证明文件")),
        MANAGERS("manager", "managementTeam", "管理团队成员", TeamParts.VARIABLES, TeamParts.LABELS),
        CLAIMS_TEAM("claimsMember", "claimsService.claimsTeam", "理赔人员", TeamParts.VARIABLES, TeamParts.LABELS);

        static final String PROOF_FILE = "ProofFile";
        static final String PROOF_KEPT = "ProofKept";

        private final FormRows rows;
        private final String list;
        private final String label;
        private final Map<String, String> properties;
        private final Map<String, String> labels;
        private final Pattern path;

        Rows(String prefix, String list, String label, Map<String, String> properties, Map<String, String> labels) {
            this.rows = new FormRows(prefix, properties.keySet());
            this.list = list;
            this.label = label;
            this.properties = properties;
            this.labels = labels;
            this.path = Pattern.compile(Pattern.quote(list) + "\\[([0-9]+)]\\.(" + String.join("|", labels.keySet()) + ")");
        }

        /** The variable of part {@code part} ({@code Name}) of row {@code row} (from 1). */
        String field(int row, String part) {
            return rows.field(row, part);
        }

        /** The highest row number among these variable names (0: no row). */
        int count(Set<String> names) {
            return rows.count(names);
        }

        boolean isRowVariable(String name) {
            return rows.contains(name);
        }

        Optional<String> label(String field) {
            if (field.equals(list)) {
                return Optional.of(label);
            }
            Matcher byVariable = rows.match(field);
            if (byVariable.matches()) {
                return Optional.of(label + " " + byVariable.group(1) + " " + labels.get(properties.get(byVariable.group(2))));
            }
            Matcher byPath = path.matcher(field);
            if (byPath.matches()) {
                return Optional.of(label + " " + (Integer.parseInt(byPath.group(1)) + 1) + " " + labels.get(byPath.group(2)));
            }
            return Optional.empty();
        }
    }

    /** The parts of a team member's row ({@link InsurerFilingData.TeamMember}). */
    private static final class TeamParts {
        static final Map<String, String> VARIABLES = Map.of("Name", "name", "Position", "position", "Phone", "phone");
        static final Map<String, String> LABELS = Map.of("name", "姓名", "position", "职务", "phone", "电话");
    }

    /** The fields a person types or picks outside the rows (the documents are {@code *File} uploads, taken separately). */
    static final List<String> ENTERED = FIELDS.stream().filter(field -> field.variable() != null && !field.file())
            .map(Field::variable).toList();

    private static final List<String> SINGLE_FILES = FIELDS.stream().filter(Field::file).map(Field::variable).toList();

    private static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (Field field : FIELDS) {
            Stream.concat(Stream.ofNullable(field.variable()), field.paths().stream())
                    .forEach(name -> labels.put(name, field.label()));
        }
        return Map.copyOf(labels);
    }

    private InsurerFilingFormFields() {
    }

    /** What the person typed or picked among {@code names} (the submitted variables): fields and row parts, no uploads. */
    static Set<String> entered(Set<String> names) {
        Set<String> entered = new LinkedHashSet<>(ENTERED);
        names.stream().filter(name -> Stream.of(Rows.values()).anyMatch(rows -> rows.isRowVariable(name))
                && !name.endsWith(Rows.PROOF_FILE)).forEach(entered::add);
        return entered;
    }

    /** The uploads of the form among {@code names}: the documents and each lead's proof. */
    static List<String> files(Set<String> names) {
        List<String> files = new ArrayList<>(SINGLE_FILES);
        for (int row = 1; row <= Rows.LEADS.count(names); row++) {
            files.add(Rows.LEADS.field(row, Rows.PROOF_FILE));
        }
        return files;
    }

    /** The label of a form variable or a property path of {@link InsurerFilingData}; the name itself if unknown. */
    static String label(String field) {
        String label = LABELS.get(field);
        if (label != null) {
            return label;
        }
        return Stream.of(Rows.values()).map(rows -> rows.label(field)).flatMap(Optional::stream).findFirst().orElse(field);
    }
}
