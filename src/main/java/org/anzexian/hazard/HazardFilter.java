package org.anzexian.hazard;

/** Lookup of hazards ({@code GET /api/hazards}); every criterion is optional. */
public record HazardFilter(Long projectId, String county, HazardSeverity severity, HazardStatus status, Boolean overdue) {
}
