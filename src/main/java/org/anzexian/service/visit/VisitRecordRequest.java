package org.anzexian.service.visit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The visit record (N8.2, N8.5): for {@code VISITED} the time on site, the attendees (the registered
 * project lead and at least one registered service staff member) and the service items; for
 * {@code REFUSED} the reason the site refused or prevented the service.
 */
public record VisitRecordRequest(
        @Schema(description = "VISITED 已到场服务；REFUSED 现场拒绝或阻挠服务")
        @NotNull(message = "必须选择服务结果 (required)") VisitOutcome outcome,
        @Schema(description = "到场时间") OffsetDateTime arrivedAt,
        @Schema(description = "离场时间") OffsetDateTime leftAt,
        @Schema(description = "到场人员姓名：须含登记的项目负责人和至少 1 名登记的服务人员")
        List<@Size(max = 64) String> attendees,
        @Schema(description = "服务事项") List<@Size(max = 400) String> serviceItems,
        @Schema(description = "拒绝或阻挠服务的情况") @Size(max = 2000) String refusalReason) {

    public VisitRecordRequest {
        attendees = attendees == null ? List.of() : attendees.stream().filter(name -> name != null && !name.isBlank())
                .map(String::strip).toList();
        serviceItems = serviceItems == null ? List.of() : serviceItems.stream()
                .filter(item -> item != null && !item.isBlank()).map(String::strip).toList();
    }
}
