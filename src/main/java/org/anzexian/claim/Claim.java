package org.anzexian.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A claim as the construction unit, its insurer and the authorities of its area see it (N6.5–N6.7). */
public record Claim(
        long id,
        long policyId,
        String policyNumber,
        long projectId,
        long insurerOrgId,
        long constructionUnitId,
        String jurisdictionCode,
        OffsetDateTime accidentAt,
        OffsetDateTime reportedAt,
        String place,
        AccidentType accidentType,
        int deaths,
        int injuries,
        String description,
        String reporterName,
        String reporterPhone,
        String reporterEmail,
        ReportChannel channel,
        String reportedBy,
        boolean late,
        String lateExplanation,
        List<String> photos,
        ClaimStatus status,
        String statusLabel,
        OffsetDateTime acknowledgementDueAt,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        String claimProcedure,
        String requiredDocuments,
        OffsetDateTime surveyedAt,
        String surveyFindings,
        String accidentCause,
        BigDecimal estimatedLoss,
        OffsetDateTime documentsCompleteAt,
        OffsetDateTime decisionDueAt,
        OffsetDateTime decidedAt,
        Boolean covered,
        String decisionReason,
        BigDecimal agreedAmount,
        OffsetDateTime paymentDueAt,
        BigDecimal paidAmount,
        LocalDate paidOn,
        String paymentReference,
        OffsetDateTime recommendedAt,
        String processInstanceId,
        List<DocumentRound> documents,
        List<Payee> payees,
        List<Breach> breaches,
        List<Recommendation> recommendations) {

    public Claim {
        photos = photos == null ? List.of() : List.copyOf(photos);
        documents = documents == null ? List.of() : List.copyOf(documents);
        payees = payees == null ? List.of() : List.copyOf(payees);
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** A request for documents (REQUEST) or what the construction unit provided (SUBMISSION). */
    public record DocumentRound(long id, String kind, String text, List<String> files, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** The agreed amount for one injured or killed person. */
    public record Payee(String name, BigDecimal amount) {
    }

    /** A service time the insurer missed (it counts against the insurer). */
    public record Breach(BreachKind kind, String label, OffsetDateTime dueAt, OffsetDateTime recordedAt) {
    }

    /** N6.7: one recommendation; a rectification item may have become a hazard. */
    public record Recommendation(long id, RecommendationKind kind, int seq, String text, Long hazardId) {
    }
}
