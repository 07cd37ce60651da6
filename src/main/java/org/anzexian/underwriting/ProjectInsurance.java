package org.anzexian.underwriting;

import java.time.LocalDate;

/**
 * The permit check (N1.1): whether the project holds a policy in force today or from a future
 * construction start, and which. The policy fields are {@code null} when it does not.
 */
public record ProjectInsurance(
        String projectCode,
        String projectName,
        boolean insured,
        String policyNumber,
        String insurerName,
        LocalDate policyStart,
        LocalDate policyEnd,
        LocalDate checkedOn) {
}
