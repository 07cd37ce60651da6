package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The permit check (N1.1), per project: insured when its contract holds a policy in force today or
 * from a future construction start, the project's construction period lies within the policy period
 * and no endorsement bringing it under the policy is pending. Otherwise {@code reason} says why in
 * Chinese, and {@code endorsementId} names the pending endorsement. The policy fields are those of the
 * contract's policy, {@code null} when it has none; {@code premium} is its premium with the issued
 * endorsements.
 */
public record ProjectInsurance(
        String projectCode,
        String projectName,
        boolean insured,
        String reason,
        String policyNumber,
        String insurerName,
        LocalDate policyStart,
        LocalDate policyEnd,
        BigDecimal premium,
        Long endorsementId,
        LocalDate checkedOn) {
}
