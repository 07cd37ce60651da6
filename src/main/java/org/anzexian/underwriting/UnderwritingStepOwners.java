package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The quoting insurer quotes, reviews and confirms the premium; the buyer applies (N2.2, N2.3, N4.3). */
@Component
class UnderwritingStepOwners implements StepOwnership {

    private final UnderwritingRepository repository;
    private final OrganizationService organizations;

    UnderwritingStepOwners(UnderwritingRepository repository, OrganizationService organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long quotationId, String taskKey) {
        return repository.findQuotation(quotationId).map(quotation -> switch (taskKey) {
            case TASK_ISSUE_QUOTATION, TASK_REVIEW_APPLICATION, TASK_CONFIRM_PREMIUM ->
                    Set.of(organizations.require(quotation.insurerOrgId()).groupId());
            case TASK_APPLY -> Set.of(organizations.require(quotation.buyerOrgId()).groupId());
            default -> Set.<String>of();
        }).orElse(Set.of());
    }
}
