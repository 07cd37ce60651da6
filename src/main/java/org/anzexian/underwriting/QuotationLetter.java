package org.anzexian.underwriting;

import java.math.BigDecimal;

/**
 * What the insurer enters in {@code UserTask_IssueQuotation} (N4.4): {@code decision} is
 * {@code issue} or {@code decline}; the premium is not among it, it is computed.
 */
public record QuotationLetter(
        String decision,
        String insurancePlan,
        BigDecimal premiumRate,
        String premiumRateUnit,
        BigDecimal deathDisabilityLimit,
        BigDecimal totalLimit,
        String preventionPlan,
        BigDecimal preventionFeePercent,
        String declineReason) {
}
