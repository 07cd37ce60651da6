package org.anzexian.registry.jurisdiction;

import org.anzexian.platform.identity.PlatformGroups;

/** The city (no parent) or one of its county-level areas, keyed by its GB/T 2260 or our own stable code. */
public record Jurisdiction(String code, String name, String parentCode) {

    public boolean isCity() {
        return parentCode == null;
    }

    /** The Camunda group of the housing authority responsible for this area. */
    public String authorityGroup() {
        return isCity() ? PlatformGroups.CITY_BUREAU : PlatformGroups.county(code);
    }
}
