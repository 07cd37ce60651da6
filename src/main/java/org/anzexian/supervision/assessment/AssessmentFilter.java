package org.anzexian.supervision.assessment;

import java.time.LocalDate;

/**
 * The filters of {@code GET /api/assessments}, its Excel export and the portal's list: one organization, one
 * kind, one period (by its end, exclusive, as stored); null for any.
 */
public record AssessmentFilter(Long organizationId, Measure.Kind kind, LocalDate periodEnd) {

    public static final AssessmentFilter NONE = new AssessmentFilter(null, null, null);
}
