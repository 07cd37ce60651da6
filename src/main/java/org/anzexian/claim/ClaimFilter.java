package org.anzexian.claim;

/**
 * Lookup of claims ({@code GET /api/claims}); every criterion is optional. {@code breach}: the insurer
 * missed a service level on the claim (acknowledgement, decision or payment, N6.5–N6.7).
 */
public record ClaimFilter(ClaimStatus status, Long insurerId, String county, Boolean breach) {
}
