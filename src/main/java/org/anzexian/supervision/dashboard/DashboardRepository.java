package org.anzexian.supervision.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's aggregates, each one query over the business tables, grouped by county or organization.
 * The hazard, visit and claim conditions are those of their lists, so a figure and its list agree.
 */
@Repository
class DashboardRepository {

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CoverageRow(String county, long permitted, long insured, long applyingUninsured) {
    }

    /**
     * Per county: projects holding a construction permit and those of them with a policy in force on
     * {@code today} on their contract (the uninsured list's notion, N1.3); and the projects applying for a
     * permit without one (N1.1: the policy comes before the application).
     */
    List<CoverageRow> coverage(DashboardScope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String restrict = scope.restrict("p.jurisdiction_code", "p.jurisdiction_code IN (:scopeAreas)",
                "EXISTS (SELECT 1 FROM policy sp WHERE sp.contract_id = p.contract_id AND sp.insurer_org_id IN (:scopeInsurers))",
                "p.construction_unit_id IN (:scopeBuilders)", null, params);
        params.put("today", today);
        return jdbc.sql("""
                SELECT p.jurisdiction_code,
                  SUM(CASE WHEN p.permit_status = 'ISSUED' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.permit_status = 'ISSUED' AND po.id IS NOT NULL THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.permit_status = 'APPLIED' AND po.id IS NULL THEN 1 ELSE 0 END)
                FROM project p
                LEFT JOIN policy po ON po.contract_id = p.contract_id AND po.status = 'ISSUED' AND po.policy_end >= :today
                WHERE p.permit_status IN ('APPLIED', 'ISSUED')""" + restrict + """

                GROUP BY p.jurisdiction_code
                """).params(params)
                .query((row, n) -> new CoverageRow(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)))
                .list();
    }

    record HazardRow(String county, long majorOverdue, long majorInTime, long majorSubmitted, long generalOverdue,
            long generalInTime, long generalSubmitted) {
    }

    /** Per county: hazards not closed, by severity and as the list's filters split them (overdue = open past the deadline). */
    List<HazardRow> openHazards(DashboardScope scope, OffsetDateTime now) {
        Map<String, Object> params = new HashMap<>();
        String restrict = hazardScope(scope, params);
        params.put("now", now);
        return jdbc.sql("""
                SELECT h.jurisdiction_code,
                  SUM(CASE WHEN h.severity = 'MAJOR' AND h.status = 'OPEN' AND h.deadline_at < :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN h.severity = 'MAJOR' AND h.status = 'OPEN' AND h.deadline_at >= :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN h.severity = 'MAJOR' AND h.status = 'SUBMITTED' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN h.severity = 'GENERAL' AND h.status = 'OPEN' AND h.deadline_at < :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN h.severity = 'GENERAL' AND h.status = 'OPEN' AND h.deadline_at >= :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN h.severity = 'GENERAL' AND h.status = 'SUBMITTED' THEN 1 ELSE 0 END)
                FROM hazard h
                WHERE h.status IN ('OPEN', 'SUBMITTED')""" + restrict + """

                GROUP BY h.jurisdiction_code
                """).params(params)
                .query((row, n) -> new HazardRow(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7))).list();
    }

    record ClosureRow(String county, OffsetDateTime raisedAt, OffsetDateTime closedAt, OffsetDateTime deadlineAt) {
    }

    /** Hazards raised or closed since {@code from}: the closure rate and times are computed from these. */
    List<ClosureRow> raisedOrClosedSince(DashboardScope scope, OffsetDateTime from) {
        Map<String, Object> params = new HashMap<>();
        String restrict = hazardScope(scope, params);
        params.put("from", from);
        return jdbc.sql("""
                SELECT h.jurisdiction_code, h.raised_at, h.closed_at, h.deadline_at
                FROM hazard h
                WHERE (h.raised_at >= :from OR h.closed_at >= :from)""" + restrict).params(params)
                .query((row, n) -> new ClosureRow(row.getString(1), row.getObject(2, OffsetDateTime.class),
                        row.getObject(3, OffsetDateTime.class), row.getObject(4, OffsetDateTime.class)))
                .list();
    }

    private static String hazardScope(DashboardScope scope, Map<String, Object> params) {
        return scope.restrict("h.jurisdiction_code", "h.jurisdiction_code IN (:scopeAreas)",
                "h.insurer_org_id IN (:scopeInsurers)", "h.construction_unit_id IN (:scopeBuilders)",
                "h.verifier_org_id IN (:scopeServiceOrgs)", params);
    }

    record VisitRow(long serviceOrgId, String name, long due, long done, long late, long missed, long refused) {
    }

    /**
     * Per service organization, as the visit list's {@code state} filters them: due (open, due date not
     * past), done (visited or reported), late (done after the due date), missed (open, due date past),
     * refused.
     */
    List<VisitRow> visits(DashboardScope scope, OffsetDateTime now) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", now);
        String restrict = scope.restrict("v.jurisdiction_code", "v.jurisdiction_code IN (:scopeAreas)",
                "v.insurer_org_id IN (:scopeInsurers)", "v.construction_unit_id IN (:scopeBuilders)",
                "v.service_org_id IN (:scopeServiceOrgs)", params);
        return jdbc.sql("""
                SELECT v.service_org_id, o.name,
                  SUM(CASE WHEN v.status = 'OPEN' AND v.due_at >= :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.status IN ('VISITED', 'REPORTED') THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.status IN ('VISITED', 'REPORTED') AND v.arrived_at > v.due_at THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.status = 'OPEN' AND v.due_at < :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.status = 'REFUSED' THEN 1 ELSE 0 END)
                FROM visit v JOIN organization o ON o.id = v.service_org_id
                WHERE 1 = 1""" + restrict + """

                GROUP BY v.service_org_id, o.name
                ORDER BY v.service_org_id
                """).params(params)
                .query((row, n) -> new VisitRow(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7))).list();
    }

    record ClaimRow(long insurerId, String name, long claims, long open, long breached, long acknowledgementLate,
            long decisionLate, long paymentLate) {
    }

    /** Per insurer: claims, those still handled, those with a recorded service-level breach and the breaches by kind. */
    List<ClaimRow> claims(DashboardScope scope) {
        Map<String, Object> params = new HashMap<>();
        String restrict = scope.restrict("c.jurisdiction_code", "c.jurisdiction_code IN (:scopeAreas)",
                "c.insurer_org_id IN (:scopeInsurers)", "c.construction_unit_id IN (:scopeBuilders)", null, params);
        return jdbc.sql("""
                SELECT c.insurer_org_id, o.name, COUNT(*),
                  SUM(CASE WHEN c.status IN ('PAID', 'CLOSED', 'DECLINED') THEN 0 ELSE 1 END),
                  SUM(CASE WHEN b.claim_id IS NULL THEN 0 ELSE 1 END),
                  COALESCE(SUM(b.acknowledgement), 0), COALESCE(SUM(b.decision), 0), COALESCE(SUM(b.payment), 0)
                FROM claim c JOIN organization o ON o.id = c.insurer_org_id
                LEFT JOIN (SELECT claim_id,
                             SUM(CASE WHEN kind = 'ACKNOWLEDGEMENT' THEN 1 ELSE 0 END) AS acknowledgement,
                             SUM(CASE WHEN kind = 'DECISION' THEN 1 ELSE 0 END) AS decision,
                             SUM(CASE WHEN kind = 'PAYMENT' THEN 1 ELSE 0 END) AS payment
                           FROM claim_breach GROUP BY claim_id) b ON b.claim_id = c.id
                WHERE 1 = 1""" + restrict + """

                GROUP BY c.insurer_org_id, o.name
                ORDER BY c.insurer_org_id
                """).params(params)
                .query((row, n) -> new ClaimRow(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8))).list();
    }
}
