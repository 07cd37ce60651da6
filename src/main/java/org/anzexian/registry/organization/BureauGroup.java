package org.anzexian.registry.organization;

import java.util.Optional;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;

/** The platform group a bureau stands for: one per authority, not one per organization id. */
record BureauGroup(String groupId, Role role) {

    /** Parses a requested bureau group; a county group's code still has to be checked against the registry. */
    static Optional<BureauGroup> parse(String groupId) {
        if (groupId == null) {
            return Optional.empty();
        }
        return switch (groupId) {
            case PlatformGroups.CITY_BUREAU -> Optional.of(new BureauGroup(groupId, Role.CITY_BUREAU));
            case PlatformGroups.EMERGENCY_BUREAU -> Optional.of(new BureauGroup(groupId, Role.EMERGENCY_BUREAU));
            case PlatformGroups.FINANCIAL_REGULATOR -> Optional.of(new BureauGroup(groupId, Role.FINANCIAL_REGULATOR));
            default -> countyCode(groupId).map(code -> new BureauGroup(groupId, Role.COUNTY));
        };
    }

    /** The jurisdiction code of a county group ({@code county140902} → {@code 140902}). */
    static Optional<String> countyCode(String groupId) {
        String prefix = Role.COUNTY.groupType();
        return groupId.startsWith(prefix) && groupId.length() > prefix.length()
                ? Optional.of(groupId.substring(prefix.length()))
                : Optional.empty();
    }
}
