package org.anzexian.underwriting;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The policy's insurer confirms the additional premium of its endorsement (N4.3). */
@Component
class EndorsementStepOwners implements StepOwnership {

    private final EndorsementRepository repository;
    private final UnderwritingService underwriting;
    private final OrganizationService organizations;

    EndorsementStepOwners(EndorsementRepository repository, UnderwritingService underwriting,
            OrganizationService organizations) {
        this.repository = repository;
        this.underwriting = underwriting;
        this.organizations = organizations;
    }

    @Override
    public String processKey() {
        return PolicyEndorsementProcess.KEY;
    }

    @Override
    public Set<String> ownerGroups(long endorsementId, String taskKey) {
        if (!PolicyEndorsementProcess.TASK_CONFIRM_PREMIUM.equals(taskKey)) {
            return Set.of();
        }
        return repository.find(endorsementId)
                .map(endorsement -> Set.of(organizations.require(underwriting.policy(endorsement.policyId()).insurerOrgId())
                        .groupId()))
                .orElse(Set.of());
    }
}
