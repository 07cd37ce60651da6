package org.anzexian.registry.project;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A request to register a project (or one phase of a phased project). */
public record NewProject(
        @NotBlank(message = "必须填写项目编号 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String code,
        @NotBlank(message = "必须填写项目名称 (required)") @Size(max = 200, message = "最多 200 字 (too long)") String name,
        @NotBlank(message = "必须填写项目地址 (required)") @Size(max = 400, message = "最多 400 字 (too long)") String siteAddress,
        @NotBlank(message = "必须填写辖区 (required)") String jurisdictionCode,
        @NotNull(message = "必须选择工程类别 (required)") ProjectCategory category,
        @NotNull(message = "必须选择工程子类 (required)") ProjectSubtype subtype,
        @Schema(description = "合同金额（元）")
        @NotNull(message = "必须填写合同金额 (required)")
        @DecimalMin(value = "0", inclusive = false, message = "合同金额须大于 0 (must be > 0)")
        @Digits(integer = 16, fraction = 2, message = "金额最多 16 位整数、2 位小数 (at most 16 digits and 2 decimals)")
        BigDecimal contractAmount,
        @NotNull(message = "必须填写合同开工日期 (required)") LocalDate contractStart,
        @NotNull(message = "必须填写合同竣工日期 (required)") LocalDate contractEnd,
        @NotNull(message = "必须选择施工许可状态 (required)") PermitStatus permitStatus,
        @Schema(description = "施工单位（总承包单位或联合体牵头单位）id")
        @NotNull(message = "必须指定施工单位 (required)") Long constructionUnitId,
        @Schema(description = "施工合同编号；分期项目的各期可共用一个施工合同")
        @NotBlank(message = "必须填写施工合同编号 (required)") @Size(max = 64, message = "最多 64 字 (too long)")
        String constructionContractNumber,
        List<@Valid @NotNull(message = "不能为空 (required)") NewJointVentureMember> jointVentureMembers,
        List<@Valid @NotNull(message = "不能为空 (required)") NewSubcontractor> subcontractors,
        List<@Valid @NotNull(message = "不能为空 (required)") NewParticipant> participants) {

    public NewProject {
        jointVentureMembers = jointVentureMembers == null ? List.of() : jointVentureMembers;
        subcontractors = subcontractors == null ? List.of() : subcontractors;
        participants = participants == null ? List.of() : participants;
    }

    public record NewJointVentureMember(
            @NotNull(message = "必须指定成员单位 (required)") Long organizationId,
            boolean lead,
            @NotNull(message = "必须填写份额 (required)") @DecimalMin(value = "0", inclusive = false, message = "份额须大于 0 (must be > 0)")
            @DecimalMax(value = "100", message = "份额不能超过 100% (at most 100)")
            @Digits(integer = 3, fraction = 2, message = "最多 2 位小数 (at most 2 decimals)") BigDecimal sharePercent) {
    }

    public record NewSubcontractor(
            @NotNull(message = "必须指定分包单位 (required)") Long organizationId,
            @NotNull(message = "必须填写保费分担比例 (required)") @DecimalMin(value = "0", inclusive = false, message = "比例须大于 0 (must be > 0)")
            @DecimalMax(value = "100", message = "比例不能超过 100% (at most 100)")
            @Digits(integer = 3, fraction = 2, message = "最多 2 位小数 (at most 2 decimals)") BigDecimal premiumSharePercent) {
    }

    /** A registered organization ({@code organizationId}) or an unregistered one by name and credit code. */
    public record NewParticipant(
            @NotNull(message = "必须选择参建角色 (required)") ParticipantRole role,
            Long organizationId,
            @Size(max = 200, message = "最多 200 字 (too long)") String name,
            String creditCode) {
    }
}
