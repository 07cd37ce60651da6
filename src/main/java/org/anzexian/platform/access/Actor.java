package org.anzexian.platform.access;

import java.util.Set;
import java.util.stream.Collectors;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;

/** The logged-in user of a request and the Camunda groups it belongs to. */
public record Actor(String userId, Set<String> groupIds) {

    public Actor {
        groupIds = Set.copyOf(groupIds);
    }

    public boolean isAdmin() {
        return groupIds.contains(PlatformGroups.ADMIN);
    }

    public boolean isCityBureau() {
        return groupIds.contains(PlatformGroups.CITY_BUREAU);
    }

    /** Admins and the city bureau see the whole city. */
    public boolean seesWholeCity() {
        return isAdmin() || isCityBureau();
    }

    public boolean isMemberOf(String groupId) {
        return groupIds.contains(groupId);
    }

    /** Jurisdiction codes of the county authorities this user works for. */
    public Set<String> countyCodes() {
        String prefix = Role.COUNTY.groupType();
        return groupIds.stream()
                .filter(group -> group.startsWith(prefix) && group.length() > prefix.length())
                .map(group -> group.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Ids of the organizations of the given role (insurer, service org, builder) this user belongs to. */
    public Set<Long> organizationIds(Role role) {
        String prefix = role.groupType();
        return groupIds.stream()
                .filter(group -> group.startsWith(prefix) && group.length() > prefix.length())
                .map(group -> group.substring(prefix.length()))
                .filter(rest -> rest.chars().allMatch(Character::isDigit))
                .map(Long::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
