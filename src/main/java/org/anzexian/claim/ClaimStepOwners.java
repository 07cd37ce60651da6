package org.anzexian.claim;

import static org.anzexian.claim.ClaimHandlingProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The policy's insurer handles the claim; the construction unit provides its documents (N6.5–N6.7). */
@Component
class ClaimStepOwners implements StepOwnership {

    private final ClaimService claims;
    private final OrganizationService organizations;

    ClaimStepOwners(ClaimService claims, OrganizationService organizations) {
        this.claims = claims;
        this.organizations = organizations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long claimId, String taskKey) {
        Claim claim = claims.require(claimId);
        return switch (taskKey) {
            case TASK_ACKNOWLEDGE, TASK_SURVEY, TASK_REVIEW_DOCUMENTS, TASK_DECIDE, TASK_RECORD_PAYMENT,
                    TASK_WRITE_RECOMMENDATIONS -> Set.of(organizations.require(claim.insurerOrgId()).groupId());
            case TASK_PROVIDE_DOCUMENTS -> Set.of(organizations.require(claim.constructionUnitId()).groupId());
            default -> Set.of();
        };
    }
}
