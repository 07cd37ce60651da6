package org.anzexian.filing.insurer;

import java.math.BigDecimal;

/** The numbers the checks compare against, from the DMN table {@code insurerEligibility}. */
record EligibilityThresholds(
        int requiredAuditYear,
        BigDecimal minComprehensiveSolvencyRatio,
        BigDecimal minCoreSolvencyRatio,
        int minProjectLeadYears,
        int minPoliciesUnderwritten,
        int minClaimsHandled,
        int minPreventionServices) {
}
