package org.anzexian.hazard;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A hazard as the construction unit, the service organization and the authorities see it; {@code overdue}
 * is evaluated at reading time (open past its deadline), {@code rounds} are its rectification rounds (filled
 * when one hazard is read, empty in lists).
 */
public record Hazard(
        long id,
        long projectId,
        long policyId,
        Long insurerOrgId,
        String jurisdictionCode,
        long constructionUnitId,
        long verifierOrgId,
        HazardSource source,
        long sourceId,
        HazardCategory category,
        String categoryLabel,
        HazardSeverity severity,
        String severityLabel,
        String description,
        String location,
        List<String> photos,
        String proposedMeasure,
        HazardStatus status,
        String statusLabel,
        String raisedBy,
        OffsetDateTime raisedAt,
        int round,
        OffsetDateTime deadlineAt,
        boolean overdue,
        HazardEscalation escalation,
        OffsetDateTime closedAt,
        String closedBy,
        List<Round> rounds) {

    public Hazard {
        photos = List.copyOf(photos);
        rounds = List.copyOf(rounds);
    }

    /** One rectification round: its deadline, the steps taken and the service organization's verdict. */
    public record Round(
            int round,
            OffsetDateTime openedAt,
            OffsetDateTime deadlineAt,
            OffsetDateTime remindedAt,
            OffsetDateTime countyEscalatedAt,
            OffsetDateTime cityEscalatedAt,
            String evidenceDescription,
            List<String> evidenceFiles,
            String submittedBy,
            OffsetDateTime submittedAt,
            String verdict,
            String verdictReason,
            String verifiedBy,
            OffsetDateTime verifiedAt) {

        public Round {
            evidenceFiles = List.copyOf(evidenceFiles);
        }
    }
}
