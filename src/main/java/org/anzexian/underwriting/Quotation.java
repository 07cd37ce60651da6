package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** One insurer's quotation for a project: the letter (N4.4), the application (N6.1) and the review. */
public record Quotation(
        long id,
        long requestId,
        long projectId,
        long contractId,
        long insurerOrgId,
        long buyerOrgId,
        boolean conversion,
        QuotationStatus status,
        String insurancePlan,
        BigDecimal premiumRatePermille,
        BigDecimal premium,
        BigDecimal deathDisabilityLimit,
        BigDecimal totalLimit,
        String preventionPlan,
        BigDecimal preventionFeePercent,
        String declineReason,
        OffsetDateTime issuedAt,
        String contractHash,
        String bidAwardHash,
        String applicationFormHash,
        List<String> enterpriseHashes,
        OffsetDateTime appliedAt,
        String reviewReason,
        OffsetDateTime premiumReceivedAt,
        OffsetDateTime requestedAt) {

    public Quotation {
        enterpriseHashes = List.copyOf(enterpriseHashes);
    }
}
