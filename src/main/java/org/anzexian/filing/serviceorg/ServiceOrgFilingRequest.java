package org.anzexian.filing.serviceorg;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a service organization files (issue 3, N7.1–N7.5); the same body creates a filing and
 * replaces its data during correction. Whether the rules are met is for the checks to say, not for
 * validation: a filing that fails a rule is stored and corrected.
 */
public record ServiceOrgFilingRequest(
        @Schema(description = "统一社会信用代码：须为已登记的第三方技术服务机构，且提交人属于该机构")
        @NotBlank(message = "必须填写统一社会信用代码 (required)") String creditCode,
        @NotBlank(message = "必须填写单位名称 (required)") @Size(max = 200, message = "最多 200 字 (too long)") String companyName,
        @Size(max = 200, message = "最多 200 字 (too long)") String address,
        @NotBlank(message = "必须填写负责人 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String principal,
        @Size(max = 32, message = "最多 32 字 (too long)") String phone,
        @Schema(description = "监理资质（N7.2 第一种情形），可空") @Valid Qualification qualification,
        @Schema(description = "受托风险管理服务经历（N7.2 第二种情形）")
        List<@Valid @NotNull(message = "不能为空 (required)") Engagement> engagements,
        @Schema(description = "服务经历证明文件的 SHA-256（先经 POST /api/files 上传）")
        List<@NotBlank(message = "不能为空 (required)") String> evidenceFiles,
        @Schema(description = "承诺近三年无执法处罚或不良行为记录（N7.3）") boolean noBadRecordDeclared,
        @Schema(description = "质量控制体系说明（N7.1）") @Size(max = 4000, message = "最多 4000 字 (too long)") String qualitySystem,
        @Schema(description = "质量控制体系文件的 SHA-256，可空") String qualitySystemFile,
        @Schema(description = "固定服务团队（N7.4）")
        List<@Valid @NotNull(message = "不能为空 (required)") TeamMember> team,
        @Schema(description = "人员名册（N7.5）")
        List<@Valid @NotNull(message = "不能为空 (required)") StaffMember> staff) {

    public ServiceOrgFilingRequest {
        engagements = engagements == null ? List.of() : engagements;
        evidenceFiles = evidenceFiles == null ? List.of() : evidenceFiles;
        team = team == null ? List.of() : team;
        staff = staff == null ? List.of() : staff;
    }

    public record Qualification(
            @NotBlank(message = "必须填写资质证书编号 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String certificateNumber,
            @NotNull(message = "必须选择资质等级 (required)") QualificationClass qualificationClass,
            @NotNull(message = "必须填写有效期 (required)") LocalDate validUntil) {
    }

    /** One commissioned engagement; {@code to} empty means it still runs. */
    public record Engagement(
            @NotBlank(message = "必须填写委托方 (required)") @Size(max = 200, message = "最多 200 字 (too long)") String client,
            @NotNull(message = "必须选择委托方类型 (required)") ClientType clientType,
            @NotNull(message = "必须填写开始日期 (required)") LocalDate from,
            LocalDate to) {
    }

    public record TeamMember(
            @NotBlank(message = "必须填写姓名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String name,
            @NotNull(message = "必须选择岗位 (required)") TeamRole role) {
    }

    public record StaffMember(
            @NotBlank(message = "必须填写姓名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String name,
            @Schema(description = "职称，如 高级工程师") @Size(max = 64, message = "最多 64 字 (too long)") String title,
            @Schema(description = "从事建筑施工安全工作年限")
            @NotNull(message = "必须填写从业年限 (required)") @Min(value = 0, message = "不能为负数 (must be >= 0)")
            @Max(value = 70, message = "不能超过 70 (must be <= 70)") Integer safetyYears,
            List<@Valid @NotNull(message = "不能为空 (required)") StaffCertificate> certificates) {

        public StaffMember {
            certificates = certificates == null ? List.of() : certificates;
        }
    }

    /**
     * A registered certificate as the organization lists it. {@code type} is free text so that any
     * certificate can be listed; only the names of the seven {@code CertificateType}s count for N7.5.
     */
    public record StaffCertificate(
            @Schema(description = "证书类型：SAFETY_ENGINEER、FIRST_CLASS_CONSTRUCTOR、FIRST_CLASS_ARCHITECT、"
                    + "FIRST_CLASS_STRUCTURAL_ENGINEER、SUPERVISION_ENGINEER、FIRE_ENGINEER、CIVIL_ENGINEER 计入；其他不计入")
            @NotBlank(message = "必须填写证书类型 (required)") @Size(max = 40, message = "最多 40 字 (too long)") String type,
            @NotBlank(message = "必须填写证书编号 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String number,
            @NotNull(message = "必须填写有效期 (required)") LocalDate validUntil) {
    }
}
