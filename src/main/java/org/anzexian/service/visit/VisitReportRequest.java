package org.anzexian.service.visit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The written report of a visit and the hazards found (N8.4, N8.8). */
public record VisitReportRequest(
        @Schema(description = "书面服务报告的 SHA-256（先经 POST /api/files 上传）")
        @NotBlank(message = "必须上传书面服务报告 (required)") String reportFile,
        @Schema(description = "发现的隐患（可为空）")
        List<@Valid @NotNull(message = "不能为空 (required)") VisitHazard> hazards) {

    public VisitReportRequest {
        hazards = hazards == null ? List.of() : List.copyOf(hazards);
    }
}
