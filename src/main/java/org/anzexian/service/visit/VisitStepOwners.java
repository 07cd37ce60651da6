package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/** The visit's service organization records the visit and uploads the report (N4.6, N8.6). */
@Component
class VisitStepOwners implements StepOwnership {

    private final VisitService visits;
    private final OrganizationService organizations;

    VisitStepOwners(VisitService visits, OrganizationService organizations) {
        this.visits = visits;
        this.organizations = organizations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<String> ownerGroups(long visitId, String taskKey) {
        return switch (taskKey) {
            case TASK_RECORD_VISIT, TASK_UPLOAD_REPORT ->
                    Set.of(organizations.require(visits.require(visitId).serviceOrgId()).groupId());
            default -> Set.of();
        };
    }
}
