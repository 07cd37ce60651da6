package org.anzexian.supervision.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of the portal's lists the dashboard leads to, exactly as the lists take their filters
 * (the portal's URL contract, #14): the same query parameters as their {@code /api} list.
 */
final class DashboardLinks {

    static final String HAZARDS = "/portal/lists/hazards";
    static final String VISITS = "/portal/lists/visits";
    static final String CLAIMS = "/portal/lists/claims";
    static final String UNINSURED = "/portal/lists/uninsured";
    static final String ASSESSMENTS = "/portal/assessments/";

    private DashboardLinks() {
    }

    /** {@code /portal/lists/hazards?severity=&status=&overdue=&county=}; null parameters are left out. */
    static String hazards(String severity, String status, Boolean overdue, String county) {
        return HAZARDS + query("severity", severity, "status", status, "overdue", overdue, "county", county);
    }

    /** {@code /portal/lists/visits?serviceOrgId=&state=due|done|late|missed|refused&county=}. */
    static String visits(Long serviceOrgId, String state, String county) {
        return VISITS + query("serviceOrgId", serviceOrgId, "state", state, "county", county);
    }

    /** {@code /portal/lists/claims?insurerId=&breach=true&county=}. */
    static String claims(Long insurerId, boolean breach, String county) {
        return CLAIMS + query("insurerId", insurerId, "breach", breach ? Boolean.TRUE : null, "county", county);
    }

    static String uninsured(String county) {
        return UNINSURED + query("county", county);
    }

    static String assessment(long id) {
        return ASSESSMENTS + id;
    }

    private static String query(Object... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                parts.add(pairs[i] + "=" + URLEncoder.encode(String.valueOf(pairs[i + 1]), StandardCharsets.UTF_8));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
