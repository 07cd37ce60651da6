package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An issued policy, one row of the underwriting ledger with the fields of N4.5. */
public record Policy(
        long id,
        String policyNumber,
        long quotationId,
        long projectId,
        String projectCode,
        long contractId,
        long insurerOrgId,
        String insurerName,
        long buyerOrgId,
        String jurisdictionCode,
        String projectName,
        String siteAddress,
        BigDecimal contractAmount,
        LocalDate contractStart,
        LocalDate contractEnd,
        LocalDate policyStart,
        LocalDate policyEnd,
        BigDecimal premiumRatePermille,
        BigDecimal premium,
        BigDecimal deathDisabilityLimit,
        BigDecimal totalLimit,
        String insurancePlan,
        String preventionPlan,
        BigDecimal preventionFeePercent,
        boolean conversion,
        PolicyStatus status,
        OffsetDateTime issuedAt,
        OffsetDateTime reportedToCountyAt) {

    /** Whether the policy covers the given day. */
    public boolean coversDay(LocalDate day) {
        return status == PolicyStatus.ISSUED && !day.isBefore(policyStart) && !day.isAfter(policyEnd);
    }
}
