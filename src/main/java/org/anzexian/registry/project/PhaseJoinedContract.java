package org.anzexian.registry.project;

/**
 * Published synchronously inside the registration's transaction when a project (phase) joins an
 * existing construction contract, whose amount and period have grown by it (N2.4). Underwriting then
 * requires an endorsement if the contract is already insured (N1.1).
 */
public record PhaseJoinedContract(long projectId, long contractId) {
}
