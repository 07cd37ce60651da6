package org.anzexian.hazard;

import static org.anzexian.hazard.HazardRectificationProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The builder rectifies, the verifying service organization verifies, county and city supervise (N8.9). */
@Component
class HazardStepOwners implements StepOwnership {

    private final HazardService hazards;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;

    HazardStepOwners(HazardService hazards, OrganizationService organizations, JurisdictionService jurisdictions) {
        this.hazards = hazards;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long hazardId, String taskKey) {
        Hazard hazard = hazards.require(hazardId);
        return switch (taskKey) {
            case TASK_RECTIFY -> Set.of(organizations.require(hazard.constructionUnitId()).groupId());
            case TASK_VERIFY -> Set.of(organizations.require(hazard.verifierOrgId()).groupId());
            case TASK_COUNTY_SUPERVISION -> Set.of(jurisdictions.require(hazard.jurisdictionCode()).authorityGroup());
            case TASK_CITY_SUPERVISION -> Set.of(PlatformGroups.CITY_BUREAU);
            default -> Set.of();
        };
    }
}
