package org.anzexian.underwriting;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A construction unit asks filed insurers of its free choice (N2.1) for quotations for a project. */
public record NewQuotationRequest(
        @Schema(description = "项目 id") @NotNull(message = "必须指定项目 (required)") Long projectId,
        @Schema(description = "询价的已备案保险机构 id（可多家）")
        @NotEmpty(message = "至少选择一家保险机构 (choose at least one insurer)")
        @Size(max = 10, message = "最多 10 家 (at most 10)")
        List<@NotNull(message = "不能为空 (required)") Long> insurerOrgIds) {
}
