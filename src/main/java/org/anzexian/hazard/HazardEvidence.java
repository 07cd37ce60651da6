package org.anzexian.hazard;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The construction unit's evidence of rectification (N8.9): what was done and photos of the result. */
public record HazardEvidence(
        @Schema(description = "整改情况说明")
        @NotBlank(message = "必须填写整改情况说明 (description required)") @Size(max = 2000) String description,
        @Schema(description = "整改后照片的 SHA-256（先经 POST /api/files 上传）")
        @NotEmpty(message = "至少上传 1 张整改后照片 (at least one photo)")
        @Size(max = 10, message = "最多 10 个文件 (at most 10 files)") List<String> photos) {

    public HazardEvidence {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
