package org.anzexian.registry.jurisdiction;

import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every area gets its county authority's group at start-up, so escalations have a recipient before
 * anyone registers that authority as an organization. An existing group keeps its name: once the
 * authority is registered, the group carries the organization's name.
 */
@Component
class CountyAuthorityGroups {

    private final JurisdictionService jurisdictions;
    private final GroupDirectory groups;

    CountyAuthorityGroups(JurisdictionService jurisdictions, GroupDirectory groups) {
        this.jurisdictions = jurisdictions;
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void ensureCountyGroups() {
        for (Jurisdiction county : jurisdictions.counties()) {
            String groupId = PlatformGroups.county(county.code());
            if (!groups.groupExists(groupId)) {
                groups.ensureGroup(groupId, county.name() + "住建局", Role.COUNTY);
            }
        }
    }
}
