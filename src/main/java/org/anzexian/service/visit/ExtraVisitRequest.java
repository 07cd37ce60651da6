package org.anzexian.service.visit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A construction unit or a county authority asks for a visit beyond the schedule. */
public record ExtraVisitRequest(
        @NotNull(message = "必须指定保单 (required)") Long policyId,
        @NotBlank(message = "必须说明原因 (required)") @Size(max = 2000) String reason) {
}
