package org.anzexian.service.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.ScopeSql;
import org.anzexian.platform.web.SortFields;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class VisitRepository {

    private static final String SELECT = """
            SELECT id, policy_id, project_id, service_org_id, insurer_org_id, construction_unit_id, jurisdiction_code,
                   kind, seq, requested_by, request_reason, status, due_at, reminder_at, missed_at, missed, arrived_at,
                   left_at, attendees, service_items, refusal_reason, recorded_by, recorded_at, report_due_at,
                   report_file, report_uploaded_by, report_uploaded_at, report_late
            FROM visit
            """;

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new visit needs; {@code seq} numbers the regular visits of a policy, null for extra ones. */
    record NewVisit(long policyId, long projectId, long serviceOrgId, long insurerOrgId, long constructionUnitId,
            String jurisdictionCode, VisitKind kind, Integer seq, String requestedBy, String requestReason,
            OffsetDateTime dueAt, OffsetDateTime reminderAt, OffsetDateTime missedAt) {
    }

    long insert(NewVisit visit, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO visit (policy_id, project_id, service_org_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, kind, seq, requested_by, request_reason, status, due_at, reminder_at, missed_at,
                    missed, report_late, created_at)
                VALUES (:policy, :project, :org, :insurer, :builder, :area, :kind, :seq, :requestedBy, :reason, 'OPEN',
                    :due, :reminder, :missedAt, FALSE, FALSE, :at)
                """)
                .param("policy", visit.policyId()).param("project", visit.projectId())
                .param("org", visit.serviceOrgId()).param("insurer", visit.insurerOrgId())
                .param("builder", visit.constructionUnitId()).param("area", visit.jurisdictionCode())
                .param("kind", visit.kind().name()).param("seq", visit.seq())
                .param("requestedBy", visit.requestedBy()).param("reason", visit.requestReason())
                .param("due", visit.dueAt()).param("reminder", visit.reminderAt()).param("missedAt", visit.missedAt())
                .param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Visit> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Visit> findRegular(long policyId, int seq) {
        return jdbc.sql(SELECT + " WHERE policy_id = :policy AND kind = 'REGULAR' AND seq = :seq")
                .param("policy", policyId).param("seq", seq).query(this::map).optional();
    }

    List<Visit> ofPolicy(long policyId) {
        return jdbc.sql(SELECT + " WHERE policy_id = :policy ORDER BY due_at, id").param("policy", policyId)
                .query(this::map).list();
    }

    /** What a visit list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(sortColumns(), "id", "dueAt", "asc");

    private static Map<String, String> sortColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "id");
        columns.put("dueAt", "due_at");
        columns.put("arrivedAt", "arrived_at");
        columns.put("status", "status");
        columns.put("county", "jurisdiction_code");
        columns.put("serviceOrgId", "service_org_id");
        columns.put("policyId", "policy_id");
        return columns;
    }

    /** Who may see what: empty collections grant nothing; {@code null} scope = the whole city. */
    record Scope(Collection<Long> serviceOrgs, Collection<Long> insurers, Collection<Long> builders,
            Collection<String> areas) {

        boolean grantsNothing() {
            return serviceOrgs.isEmpty() && insurers.isEmpty() && builders.isEmpty() && areas.isEmpty();
        }
    }

    /** One page of the visits in the scope matching the filter. */
    List<Visit> find(Scope scope, VisitFilter filter, OffsetDateTime now, ListQuery list) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = SELECT + where(scope, filter, now, params) + SORT.orderBy(list.sort())
                + " LIMIT :limit OFFSET :offset";
        params.put("limit", list.size());
        params.put("offset", list.offset());
        return jdbc.sql(sql).params(params).query(this::map).list();
    }

    long count(Scope scope, VisitFilter filter, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM visit" + where(scope, filter, now, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(Scope scope, VisitFilter filter, OffsetDateTime now, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (scope != null) {
            sql.append(ScopeSql.anyOf(Map.of("service_org_id", scope.serviceOrgs(), "insurer_org_id", scope.insurers(),
                    "construction_unit_id", scope.builders(), "jurisdiction_code", scope.areas()), params));
        }
        if (filter.serviceOrgId() != null) {
            sql.append(" AND service_org_id = :serviceOrg");
            params.put("serviceOrg", filter.serviceOrgId());
        }
        if (filter.policyId() != null) {
            sql.append(" AND policy_id = :policy");
            params.put("policy", filter.policyId());
        }
        if (filter.county() != null && !filter.county().isBlank()) {
            sql.append(" AND jurisdiction_code = :county");
            params.put("county", filter.county().strip());
        }
        if (filter.state() != null) {
            sql.append(switch (filter.state()) {
                case DUE -> " AND status = 'OPEN' AND due_at >= :now";
                case MISSED -> " AND status = 'OPEN' AND due_at < :now";
                case DONE -> " AND status IN ('VISITED', 'REPORTED')";
                case LATE -> " AND status IN ('VISITED', 'REPORTED') AND arrived_at > due_at";
                case REFUSED -> " AND status = 'REFUSED'";
            });
            if (filter.state() == VisitState.DUE || filter.state() == VisitState.MISSED) {
                params.put("now", now);
            }
        }
        return sql.toString();
    }

    /** Missed visits of a service organization (they count against it). */
    long countMissed(long serviceOrgId) {
        return jdbc.sql("SELECT COUNT(*) FROM visit WHERE service_org_id = :org AND missed = TRUE")
                .param("org", serviceOrgId).query(Long.class).single();
    }

    void recordVisited(long id, OffsetDateTime arrivedAt, OffsetDateTime leftAt, List<String> attendees,
            List<String> serviceItems, String by, OffsetDateTime at, OffsetDateTime reportDueAt) {
        jdbc.sql("""
                UPDATE visit SET status = 'VISITED', arrived_at = :arrived, left_at = :left, attendees = :attendees,
                    service_items = :items, recorded_by = :by, recorded_at = :at, report_due_at = :reportDue
                WHERE id = :id AND status = 'OPEN'
                """)
                .param("id", id).param("arrived", arrivedAt).param("left", leftAt)
                .param("attendees", String.join("\n", attendees)).param("items", String.join("\n", serviceItems))
                .param("by", by).param("at", at).param("reportDue", reportDueAt).update();
    }

    void recordRefused(long id, String reason, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE visit SET status = 'REFUSED', refusal_reason = :reason, recorded_by = :by, recorded_at = :at
                WHERE id = :id AND status = 'OPEN'
                """).param("id", id).param("reason", reason).param("by", by).param("at", at).update();
    }

    void markMissed(long id) {
        jdbc.sql("UPDATE visit SET missed = TRUE WHERE id = :id").param("id", id).update();
    }

    void markReportLate(long id) {
        jdbc.sql("UPDATE visit SET report_late = TRUE WHERE id = :id").param("id", id).update();
    }

    void recordReport(long id, String reportFile, List<VisitHazard> hazards, boolean late, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE visit SET status = 'REPORTED', report_file = :file, report_uploaded_by = :by,
                    report_uploaded_at = :at, report_late = report_late OR :late
                WHERE id = :id AND status = 'VISITED'
                """).param("id", id).param("file", reportFile).param("by", by).param("at", at).param("late", late)
                .update();
        for (int i = 0; i < hazards.size(); i++) {
            VisitHazard hazard = hazards.get(i);
            jdbc.sql("""
                    INSERT INTO visit_hazard (visit_id, position, category, severity, description, location, photos,
                        proposed_measure)
                    VALUES (:visit, :position, :category, :severity, :description, :location, :photos, :measure)
                    """)
                    .param("visit", id).param("position", i).param("category", hazard.category().name())
                    .param("severity", hazard.severity().name()).param("description", hazard.description().strip())
                    .param("location", hazard.location().strip()).param("photos", String.join(" ", hazard.photos()))
                    .param("measure", hazard.proposedMeasure().strip()).update();
        }
    }

    void setHazardId(long visitId, int position, long hazardId) {
        jdbc.sql("UPDATE visit_hazard SET hazard_id = :hazard WHERE visit_id = :visit AND position = :position")
                .param("hazard", hazardId).param("visit", visitId).param("position", position).update();
    }

    /** The counts of a county's digest over [from, to). */
    record AreaCounts(long visited, long refused, long missed, long majorHazards, long generalHazards) {

        boolean isEmpty() {
            return visited + refused + missed + majorHazards + generalHazards == 0;
        }
    }

    AreaCounts countsOfArea(String jurisdictionCode, OffsetDateTime from, OffsetDateTime to) {
        long visited = count("status IN ('VISITED', 'REPORTED') AND recorded_at >= :from AND recorded_at < :to",
                jurisdictionCode, from, to);
        long refused = count("status = 'REFUSED' AND recorded_at >= :from AND recorded_at < :to", jurisdictionCode, from,
                to);
        long missed = count("missed = TRUE AND missed_at >= :from AND missed_at < :to", jurisdictionCode, from, to);
        return new AreaCounts(visited, refused, missed, hazards(jurisdictionCode, HazardSeverity.MAJOR, from, to),
                hazards(jurisdictionCode, HazardSeverity.GENERAL, from, to));
    }

    /** The visits of an area recorded as refused in [from, to), for the digest's detail lines. */
    List<Visit> refusalsOfArea(String jurisdictionCode, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(SELECT + " WHERE jurisdiction_code = :area AND status = 'REFUSED' AND recorded_at >= :from"
                        + " AND recorded_at < :to ORDER BY recorded_at")
                .param("area", jurisdictionCode).param("from", from).param("to", to).query(this::map).list();
    }

    private long count(String condition, String area, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT COUNT(*) FROM visit WHERE jurisdiction_code = :area AND " + condition)
                .param("area", area).param("from", from).param("to", to).query(Long.class).single();
    }

    private long hazards(String area, HazardSeverity severity, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM visit_hazard h JOIN visit v ON v.id = h.visit_id
                WHERE v.jurisdiction_code = :area AND h.severity = :severity
                  AND v.report_uploaded_at >= :from AND v.report_uploaded_at < :to
                """).param("area", area).param("severity", severity.name()).param("from", from).param("to", to)
                .query(Long.class).single();
    }

    private List<VisitHazard> hazardsOf(long visitId) {
        return jdbc.sql("""
                SELECT category, severity, description, location, photos, proposed_measure, hazard_id
                FROM visit_hazard WHERE visit_id = :visit ORDER BY position
                """).param("visit", visitId).query((row, n) -> new VisitHazard(
                HazardCategory.valueOf(row.getString("category")), HazardSeverity.valueOf(row.getString("severity")),
                row.getString("description"), row.getString("location"), words(row.getString("photos")),
                row.getString("proposed_measure"), (Long) row.getObject("hazard_id", Long.class))).list();
    }

    private Visit map(ResultSet row, int n) throws SQLException {
        long id = row.getLong("id");
        VisitStatus status = VisitStatus.valueOf(row.getString("status"));
        return new Visit(id, row.getLong("policy_id"), row.getLong("project_id"), row.getLong("service_org_id"),
                row.getLong("insurer_org_id"), row.getLong("construction_unit_id"), row.getString("jurisdiction_code"),
                VisitKind.valueOf(row.getString("kind")), (Integer) row.getObject("seq", Integer.class),
                row.getString("requested_by"), row.getString("request_reason"), status, status.label(),
                time(row, "due_at"), time(row, "reminder_at"), time(row, "missed_at"), row.getBoolean("missed"),
                time(row, "arrived_at"), time(row, "left_at"), lines(row.getString("attendees")),
                lines(row.getString("service_items")), row.getString("refusal_reason"), row.getString("recorded_by"),
                time(row, "recorded_at"), time(row, "report_due_at"),
                row.getString("report_file") == null ? null : row.getString("report_file").strip(),
                row.getString("report_uploaded_by"), time(row, "report_uploaded_at"), row.getBoolean("report_late"),
                hazardsOf(id));
    }

    private static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : text.lines().toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split(" "));
    }
}
