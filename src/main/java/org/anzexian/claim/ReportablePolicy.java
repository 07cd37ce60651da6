package org.anzexian.claim;

import java.time.LocalDate;

/**
 * {@code GET /api/claims/reportable-policies}: an issued policy the actor may report an accident on, as
 * the start form's pick-list shows it (policy number and project, no internal id).
 */
public record ReportablePolicy(String policyNumber, String projectCode, String projectName, String insurerName,
        LocalDate policyStart, LocalDate policyEnd, String label) {
}
