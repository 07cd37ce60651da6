package org.anzexian.filing.serviceorg;

import static org.anzexian.filing.serviceorg.ServiceOrgFilingProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The filing service organization corrects its filing; the city bureau reviews it (N7). */
@Component
class ServiceOrgFilingStepOwners implements StepOwnership {

    private final ServiceOrgFilingService filings;
    private final OrganizationService organizations;

    ServiceOrgFilingStepOwners(ServiceOrgFilingService filings, OrganizationService organizations) {
        this.filings = filings;
        this.organizations = organizations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long filingId, String taskKey) {
        return switch (taskKey) {
            case TASK_CORRECT_FILING -> Set.of(organizations.require(filings.require(filingId).organizationId()).groupId());
            case TASK_REVIEW_FILING -> Set.of(PlatformGroups.CITY_BUREAU);
            default -> Set.of();
        };
    }
}
