package org.anzexian.service.visit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardSeverity;

/** A hazard a visit's report lists (N8.8); {@code hazardId} once it is raised for rectification. */
public record VisitHazard(
        @NotNull(message = "必须选择隐患类别 (required)") HazardCategory category,
        @NotNull(message = "必须选择严重程度 (required)") HazardSeverity severity,
        @NotBlank(message = "必须描述隐患 (required)") @Size(max = 2000) String description,
        @NotBlank(message = "必须填写隐患部位 (required)") @Size(max = 400) String location,
        @Schema(description = "照片的 SHA-256（先经 POST /api/files 上传）") List<String> photos,
        @NotBlank(message = "必须提出整改措施 (required)") @Size(max = 2000) String proposedMeasure,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long hazardId) {

    public VisitHazard {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
