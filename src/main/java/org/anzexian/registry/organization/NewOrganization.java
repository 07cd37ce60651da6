package org.anzexian.registry.organization;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to register an organization. */
public record NewOrganization(
        @NotNull(message = "必须选择单位类型 (required)") OrganizationType type,
        @NotBlank(message = "必须填写单位名称 (required)") @Size(max = 200, message = "最多 200 字 (too long)") String name,
        @NotBlank(message = "必须填写统一社会信用代码 (required)") String creditCode,
        @Schema(description = "上级单位（总公司）的 id") Long parentId,
        @NotBlank(message = "必须填写负责人 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String principal,
        @Email(message = "电子邮箱格式不正确 (invalid e-mail)") @Size(max = 200, message = "最多 200 字 (too long)") String email,
        @Size(max = 32, message = "最多 32 字 (too long)") String phone,
        @Schema(description = "所在辖区代码，如 140902") String jurisdictionCode,
        @Schema(description = "仅主管部门：cityBureau、county<辖区代码>、emergencyBureau 或 financialRegulator")
        String bureauGroup) {
}
