package org.anzexian.platform.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups that exist in every installation (DESIGN.md §1), and the permissions of every role's
 * groups brought in line with the configuration. Organization and county groups are created by the
 * registry; this runs first so they find the platform ready.
 */
@Component
class PlatformIdentitySeeder {

    private final GroupDirectory groups;

    PlatformIdentitySeeder(GroupDirectory groups) {
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seed() {
        groups.ensureGroup(PlatformGroups.CITY_BUREAU, "忻州市住房和城乡建设局", Role.CITY_BUREAU);
        groups.ensureGroup(PlatformGroups.EMERGENCY_BUREAU, "忻州市应急管理局", Role.EMERGENCY_BUREAU);
        groups.ensureGroup(PlatformGroups.FINANCIAL_REGULATOR, "国家金融监督管理总局忻州监管分局", Role.FINANCIAL_REGULATOR);
        groups.ensureGroup(PlatformGroups.PROCESS_OWNERS, "流程管理员", Role.PROCESS_OWNERS);
        groups.regrantAllRoles();
    }
}
