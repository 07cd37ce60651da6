package org.anzexian.filing.insurer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an insurer files (N5.1), as submitted and as corrected. The branch itself is the registered
 * organization {@code insurerOrgId}; its name and credit code come from the registry.
 */
public record InsurerFilingData(
        @Schema(description = "备案的保险机构（分支机构）在单位登记中的 id") @NotNull(message = "必须指定保险机构 (required)")
        Long insurerOrgId,
        @Schema(description = "总公司名称；总公司自身备案时为空") @Size(max = 200, message = "最多 200 字 (too long)")
        String parentName,
        @Schema(description = "总公司统一社会信用代码；总公司自身备案时为空") String parentCreditCode,
        @Schema(description = "分支机构：总公司授权书的 SHA-256") @Pattern(regexp = FileHash.PATTERN, message = FileHash.MESSAGE)
        String parentAuthorizationHash,
        @NotNull(message = "必须填写营业执照 (required)") @Valid License businessLicense,
        @NotNull(message = "必须填写保险许可证 (required)") @Valid License insuranceLicense,
        @NotNull(message = "必须填写负责人 (required)") @Valid Principal principal,
        @Valid List<RelatedOrganization> relatedOrganizations,
        @NotNull(message = "必须填写审计报告 (required)") @Valid AuditReport auditReport,
        @NotEmpty(message = "至少填写一名项目负责人 (at least one project lead)") @Valid List<ProjectLead> projectLeads,
        @NotEmpty(message = "至少填写一名专门管理团队成员 (N4.2: at least one management team member)")
        @Valid List<TeamMember> managementTeam,
        @NotNull(message = "必须提供保险方案 (required)") @Valid Document insurancePlan,
        @NotNull(message = "必须提供保险条款 (required)") @Valid Document policyTerms,
        @NotNull(message = "必须提供承保理赔服务方案 (required)") @Valid ClaimsService claimsService,
        @NotNull(message = "必须提供事故预防服务方案 (required)") @Valid PreventionPlan preventionPlan,
        @NotNull(message = "必须填写业务经验 (required)") @Valid Experience experience) {

    /** What a licence number may look like. */
    static final String LICENSE_NUMBER = "^[0-9A-Za-z\\u4e00-\\u9fff()（）/-]{4,64}$";

    public InsurerFilingData {
        relatedOrganizations = relatedOrganizations == null ? List.of() : List.copyOf(relatedOrganizations);
    }

    /**
     * A license: number, last day of validity, scan (N3.1, N3.3). A number is what the issuing office
     * prints — letters, digits, Chinese characters, hyphen, slash, brackets — never blanks or symbols;
     * how plausible the date is depends on the day and is checked by {@link LicenseDates}.
     */
    public record License(
            @NotBlank(message = "必须填写证照编号 (required)")
            @Pattern(regexp = LICENSE_NUMBER, message = "证照编号须为 4–64 位字母、数字、汉字或 - / ( ) (letters, digits, - / ( ), 4 to 64)")
            String number,
            @NotNull(message = "必须填写有效期至 (required)") LocalDate validUntil,
            @NotNull(message = "必须上传扫描件 (required)") @Pattern(regexp = FileHash.PATTERN, message = FileHash.MESSAGE)
            String scanHash) {
    }

    public record Principal(
            @NotBlank(message = "必须填写负责人姓名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String name,
            @Size(max = 32, message = "最多 32 字 (too long)") String phone) {
    }

    /** How another organization is tied to the insurer (N3.6). */
    public enum Relation { CONTROLS, CONTROLLED_BY, SHARES_PRINCIPAL }

    public record RelatedOrganization(
            @NotNull(message = "必须选择关系 (required)") Relation relation,
            @NotBlank(message = "必须填写单位名称 (required)") @Size(max = 200, message = "最多 200 字 (too long)") String name,
            @NotBlank(message = "必须填写统一社会信用代码 (required)") String creditCode) {
    }

    /** The third-party audited financial report with its solvency statement (N3.5); ratios in percent. */
    public record AuditReport(
            @NotNull(message = "必须填写审计年度 (required)") @Min(value = 2000, message = "年度不正确 (bad year)")
            @Max(value = 2100, message = "年度不正确 (bad year)") Integer year,
            @NotBlank(message = "必须填写审计机构 (required)") @Size(max = 200, message = "最多 200 字 (too long)") String auditor,
            @NotNull(message = "必须填写综合偿付能力充足率 (required)") @DecimalMin(value = "0", message = "不能为负 (negative)")
            BigDecimal comprehensiveSolvencyRatio,
            @NotNull(message = "必须填写核心偿付能力充足率 (required)") @DecimalMin(value = "0", message = "不能为负 (negative)")
            BigDecimal coreSolvencyRatio,
            @Schema(description = "报告是否附偿付能力说明") boolean solvencyStatement,
            @NotNull(message = "必须上传审计报告 (required)") @Pattern(regexp = FileHash.PATTERN, message = FileHash.MESSAGE)
            String fileHash) {
    }

    /** Proof of years of work (N3.4). */
    public enum ProofType { DIPLOMA, SOCIAL_INSURANCE }

    public record ProjectLead(
            @NotBlank(message = "必须填写姓名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String name,
            @NotNull(message = "必须填写工作年限 (required)") @Min(value = 0, message = "不能为负 (negative)")
            @Max(value = 70, message = "年限不正确 (implausible)") Integer yearsOfWork,
            @NotNull(message = "必须选择证明类型 (required)") ProofType proofType,
            @NotNull(message = "必须上传证明 (required)") @Pattern(regexp = FileHash.PATTERN, message = FileHash.MESSAGE)
            String proofHash) {
    }

    public record TeamMember(
            @NotBlank(message = "必须填写姓名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String name,
            @NotBlank(message = "必须填写职务 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String position,
            @Size(max = 32, message = "最多 32 字 (too long)") String phone) {
    }

    /** A plan or terms: written out, or as a file, or both; one of them is required. */
    public record Document(
            @Size(max = 4000, message = "最多 4000 字，更长请上传文件 (too long: upload a file)") String text,
            @Pattern(regexp = FileHash.PATTERN, message = FileHash.MESSAGE) String fileHash) {

        boolean isEmpty() {
            return (text == null || text.isBlank()) && fileHash == null;
        }
    }

    /** Underwriting and claims service: plan, 24-hour claims line and dedicated claims team (N6.6). */
    public record ClaimsService(
            @NotNull(message = "必须提供服务方案 (required)") @Valid Document plan,
            @NotBlank(message = "必须填写24小时理赔服务电话 (required)") @Size(max = 32, message = "最多 32 字 (too long)")
            String claimsLinePhone,
            @NotEmpty(message = "至少填写一名理赔人员 (at least one claims team member)") @Valid List<TeamMember> claimsTeam) {
    }

    /** Prevention-service plan, including how the insurer assesses its service organizations (N5.1). */
    public record PreventionPlan(
            @NotNull(message = "必须提供服务方案 (required)") @Valid Document plan,
            @NotBlank(message = "必须说明对服务机构的考核办法 (required)") @Size(max = 4000, message = "最多 4000 字 (too long)")
            String serviceOrgAssessment) {
    }

    /** Underwriting, claims and prevention-service experience (N3.8). */
    public record Experience(
            @NotNull(message = "必须填写 (required)") @Min(value = 0, message = "不能为负 (negative)") Integer policiesUnderwritten,
            @NotNull(message = "必须填写 (required)") @Min(value = 0, message = "不能为负 (negative)") Integer claimsHandled,
            @NotNull(message = "必须填写 (required)") @Min(value = 0, message = "不能为负 (negative)")
            Integer preventionServicesDelivered) {
    }
}
