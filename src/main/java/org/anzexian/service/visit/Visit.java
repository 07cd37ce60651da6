package org.anzexian.service.visit;

import java.time.OffsetDateTime;
import java.util.List;

/** A prevention-service visit as the service organization, the insurer, the builder and the authorities see it. */
public record Visit(
        long id,
        long policyId,
        long projectId,
        long serviceOrgId,
        long insurerOrgId,
        long constructionUnitId,
        String jurisdictionCode,
        VisitKind kind,
        Integer seq,
        String requestedBy,
        String requestReason,
        VisitStatus status,
        String statusLabel,
        OffsetDateTime dueAt,
        OffsetDateTime reminderAt,
        OffsetDateTime missedAt,
        boolean missed,
        OffsetDateTime arrivedAt,
        OffsetDateTime leftAt,
        List<String> attendees,
        List<String> serviceItems,
        String refusalReason,
        String recordedBy,
        OffsetDateTime recordedAt,
        OffsetDateTime reportDueAt,
        String reportFile,
        String reportUploadedBy,
        OffsetDateTime reportUploadedAt,
        boolean reportLate,
        List<VisitHazard> hazards) {

    public Visit {
        attendees = List.copyOf(attendees);
        serviceItems = List.copyOf(serviceItems);
        hazards = List.copyOf(hazards);
    }
}
