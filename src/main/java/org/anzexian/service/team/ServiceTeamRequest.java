package org.anzexian.service.team;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the insurer registers for a policy's project (N6.2, N6.3, N8.1). */
public record ServiceTeamRequest(
        @Schema(description = "保险机构本单位的保险服务团队（至少 1 人）")
        @NotEmpty(message = "至少登记 1 名保险服务团队成员 (at least one member of the insurer's team)")
        List<@Valid @NotNull(message = "不能为空 (required)") InsurerMember> insurerTeam,
        @Schema(description = "受托第三方技术服务机构（须已备案）的单位 id")
        @NotNull(message = "必须指定受托服务机构 (required)") Long serviceOrgId,
        @Schema(description = "项目事故预防服务团队：机构技术负责人（须在该机构备案人员中）")
        @NotBlank(message = "必须指定机构技术负责人 (required)") @Size(max = 64) String technicalLead,
        @Schema(description = "项目负责人（须在该机构备案人员中）")
        @NotBlank(message = "必须指定项目负责人 (required)") @Size(max = 64) String projectLead,
        @Schema(description = "服务人员（至少 1 人，须在该机构备案人员中）")
        @NotEmpty(message = "至少指定 1 名服务人员 (at least one service staff member)")
        List<@NotBlank(message = "不能为空 (required)") @Size(max = 64) String> serviceStaff) {

    /** A member of the insurer's own service team. */
    public record InsurerMember(
            @NotBlank(message = "必须填写姓名 (required)") @Size(max = 64) String name,
            @NotBlank(message = "必须填写职责 (required)") @Size(max = 64) String duty,
            @NotBlank(message = "必须填写联系电话 (required)") @Size(max = 32) String phone,
            @Email(message = "电子邮箱格式不正确 (invalid e-mail)") @Size(max = 200) String email) {
    }
}
