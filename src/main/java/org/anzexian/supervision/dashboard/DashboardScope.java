package org.anzexian.supervision.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ForbiddenException;

/**
 * What the dashboard counts for a user, like {@code /api}: the city bureau and admins the whole city, a
 * county authority its areas, an insurer, service organization or construction unit its own cases (a user
 * in several groups sees the union). {@code county} narrows everything to one area; a county authority
 * may narrow only to one of its own (another county is refused, 403), the others see their own cases there.
 */
record DashboardScope(boolean wholeCity, Set<String> areas, Set<Long> insurers, Set<Long> builders,
        Set<Long> serviceOrgs, String county) {

    static DashboardScope of(Actor actor, String county) {
        String narrowed = county == null || county.isBlank() ? null : county.strip();
        boolean wholeCity = actor.seesWholeCity();
        Set<String> areas = actor.countyCodes();
        if (narrowed != null && !wholeCity && !areas.isEmpty() && !areas.contains(narrowed)) {
            throw new ForbiddenException("县区主管部门只能查看本辖区的概览 (a county authority sees its own area only): " + narrowed);
        }
        return new DashboardScope(wholeCity, areas, actor.organizationIds(Role.INSURER),
                actor.organizationIds(Role.BUILDER), actor.organizationIds(Role.SERVICE_ORG), narrowed);
    }

    /** The county the figures' links name: the one asked for, or the only area of a county authority. */
    String linkCounty() {
        if (county != null) {
            return county;
        }
        return !wholeCity && areas.size() == 1 ? areas.iterator().next() : null;
    }

    /** Whether the lists of uninsured projects (N1.3) are open to this user: the city and the counties. */
    boolean seesUninsuredList() {
        return wholeCity || !areas.isEmpty();
    }

    boolean seesProjects() {
        return wholeCity || !areas.isEmpty() || !insurers.isEmpty() || !builders.isEmpty();
    }

    boolean seesClaims() {
        return wholeCity || !areas.isEmpty() || !insurers.isEmpty() || !builders.isEmpty();
    }

    /**
     * The SQL condition (starting with AND) that keeps a table's rows to this scope. Each argument is the
     * table's condition for one grant, using the parameter {@code :scopeAreas}, {@code :scopeInsurers},
     * {@code :scopeBuilders} or {@code :scopeServiceOrgs}; null when the table has no such party.
     */
    String restrict(String areaColumn, String areaCondition, String insurerCondition, String builderCondition,
            String serviceOrgCondition, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (!wholeCity) {
            List<String> any = new ArrayList<>();
            grant(any, params, areaCondition, "scopeAreas", areas);
            grant(any, params, insurerCondition, "scopeInsurers", insurers);
            grant(any, params, builderCondition, "scopeBuilders", builders);
            grant(any, params, serviceOrgCondition, "scopeServiceOrgs", serviceOrgs);
            sql.append(any.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", any) + ")");
        }
        if (county != null) {
            sql.append(" AND ").append(areaColumn).append(" = :scopeCounty");
            params.put("scopeCounty", county);
        }
        return sql.toString();
    }

    private static void grant(List<String> any, Map<String, Object> params, String condition, String name,
            Set<?> values) {
        if (condition != null && !values.isEmpty()) {
            any.add(condition);
            params.put(name, List.copyOf(values));
        }
    }
}
