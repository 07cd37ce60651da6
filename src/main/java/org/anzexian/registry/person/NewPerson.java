package org.anzexian.registry.person;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A request to register a person of an organization. */
public record NewPerson(
        @NotNull(message = "必须指定所属单位 (required)") Long organizationId,
        @NotBlank(message = "必须填写姓名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String name,
        @Schema(description = "岗位，如 项目负责人、技术负责人、服务人员、负责人、理赔人员")
        @NotBlank(message = "必须填写岗位 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String role,
        @Schema(description = "职称，如 高级工程师") @Size(max = 64, message = "最多 64 字 (too long)") String title,
        @Schema(description = "从事建筑施工安全工作年限")
        @NotNull(message = "必须填写从业年限 (required)") @Min(value = 0, message = "不能为负数 (must be >= 0)")
        @Max(value = 70, message = "不能超过 70 (must be <= 70)") Integer safetyYears,
        @Schema(description = "登录名（Camunda 用户 id），可空")
        @Pattern(regexp = "[A-Za-z0-9]+", message = "登录名只能包含字母和数字 (letters and digits only)")
        @Size(max = 64, message = "最多 64 字 (too long)") String userId,
        @Email(message = "电子邮箱格式不正确 (invalid e-mail)") @Size(max = 200, message = "最多 200 字 (too long)") String email,
        List<@Valid @NotNull(message = "不能为空 (required)") NewCertificate> certificates) {

    public NewPerson {
        certificates = certificates == null ? List.of() : certificates;
    }

    public record NewCertificate(
            @NotNull(message = "必须选择证书类型 (required)") CertificateType type,
            @NotBlank(message = "必须填写证书编号 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String number,
            @NotNull(message = "必须填写有效期 (required)") LocalDate validUntil) {
    }
}
