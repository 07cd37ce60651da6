package org.anzexian.service.team;

import static org.anzexian.service.team.ServiceTeamRegistrationProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The policy's insurer registers the team (N6.3); the project's county follows up when late. */
@Component
class ServiceTeamStepOwners implements StepOwnership {

    private final ServiceTeamRegistrationService registrations;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;

    ServiceTeamStepOwners(ServiceTeamRegistrationService registrations, OrganizationService organizations,
            JurisdictionService jurisdictions) {
        this.registrations = registrations;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long policyId, String taskKey) {
        ServiceTeamRegistration registration = registrations.require(policyId);
        return switch (taskKey) {
            case TASK_REGISTER_SERVICE_TEAM -> Set.of(organizations.require(registration.insurerOrgId()).groupId());
            case TASK_FOLLOW_UP_OVERDUE -> Set.of(jurisdictions.require(registration.jurisdictionCode()).authorityGroup());
            default -> Set.of();
        };
    }
}
