package org.anzexian.hazard;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The service organization's verification of a rectification: accepted (销号) or rejected with a reason. */
public record HazardVerdict(
        @Schema(description = "true：复核通过，隐患销号；false：不通过，退回施工单位重新整改（须说明理由）")
        @NotNull(message = "必须选择复核结论 (required)") Boolean accepted,
        @Schema(description = "不通过的理由") @Size(max = 2000) String reason) {
}
