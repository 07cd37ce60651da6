package org.anzexian.registry.organization;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A login for a person of an organization, created by the city bureau (README "Accounts"). */
public record NewOrganizationUser(
        @Schema(description = "登录名：仅字母和数字（Camunda 的用户 id 规则）")
        @NotBlank(message = "必须填写登录名 (required)")
        @Pattern(regexp = "[A-Za-z0-9]+", message = "登录名只能包含字母和数字 (letters and digits only)")
        @Size(max = 64, message = "最多 64 字 (too long)") String userId,
        @NotBlank(message = "必须填写名 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String firstName,
        @NotBlank(message = "必须填写姓 (required)") @Size(max = 64, message = "最多 64 字 (too long)") String lastName,
        @NotBlank(message = "必须填写电子邮箱 (required)") @Email(message = "电子邮箱格式不正确 (invalid e-mail)")
        @Size(max = 200, message = "最多 200 字 (too long)") String email,
        @Schema(description = "初始密码，须符合密码规则（anzexian.accounts.password：默认至少 8 位，含大写字母、小写字母和数字，不含登录名、姓名或电子邮箱）；不会通过邮件发送")
        @NotBlank(message = "必须填写初始密码 (required)") @Size(max = 128, message = "最多 128 字 (too long)")
        String password) {

    @Override
    public String toString() {
        return "NewOrganizationUser[userId=" + userId + ", email=" + email + "]";
    }
}
