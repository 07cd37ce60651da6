package org.anzexian.service.visit;

/** Lookup of visits ({@code GET /api/visits}); every criterion is optional. */
public record VisitFilter(Long serviceOrgId, VisitState state, String county, Long policyId) {
}
