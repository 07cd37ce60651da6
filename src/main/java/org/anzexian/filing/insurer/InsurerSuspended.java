package org.anzexian.filing.insurer;

/**
 * Published synchronously inside the suspension's transaction (license expiry, credit-list listing),
 * so that the insurer's open business is handled in the same commit: underwriting tells the builders
 * whose quotations it holds that they may choose another insurer (N5.2).
 */
public record InsurerSuspended(long insurerOrgId, String reason) {
}
