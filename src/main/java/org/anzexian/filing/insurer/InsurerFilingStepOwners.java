package org.anzexian.filing.insurer;

import static org.anzexian.filing.insurer.InsurerFilingProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The filing insurer corrects its filing; the city bureau reviews it (N5.1). */
@Component
class InsurerFilingStepOwners implements StepOwnership {

    private final InsurerFilingRepository repository;
    private final OrganizationService organizations;

    InsurerFilingStepOwners(InsurerFilingRepository repository, OrganizationService organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long filingId, String taskKey) {
        return repository.findById(filingId).map(filing -> switch (taskKey) {
            case TASK_CORRECT_FILING -> Set.of(organizations.require(filing.insurerOrgId()).groupId());
            case TASK_REVIEW_FILING -> Set.of(PlatformGroups.CITY_BUREAU);
            default -> Set.<String>of();
        }).orElse(Set.of());
    }
}
