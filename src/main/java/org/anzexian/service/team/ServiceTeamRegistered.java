package org.anzexian.service.team;

/**
 * Published in the transaction that records a registration, for the prevention-service schedule
 * (issue #5): the service organization now serves the project under the policy.
 */
public record ServiceTeamRegistered(long policyId, long projectId, long serviceOrgId) {
}
