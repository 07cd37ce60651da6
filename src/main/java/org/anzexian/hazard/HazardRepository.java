package org.anzexian.hazard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.anzexian.platform.web.DatabaseProduct;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.ScopeSql;
import org.anzexian.platform.web.SortFields;
import org.anzexian.registry.project.ProjectTitle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

@Repository
class HazardRepository {

    private static final String SELECT = """
            SELECT id, project_id, policy_id, insurer_org_id, jurisdiction_code, construction_unit_id, verifier_org_id,
                   source, source_id, category, severity, description, location, photos, proposed_measure, status,
                   raised_by, raised_at, round, deadline_at, escalation, closed_at, closed_by
            FROM hazard
            """;

    private final JdbcClient jdbc;
    /** PostgreSQL: a timer step's hazard, its round's stamp and the hazard's escalation in one statement ({@link #stampEscalation}). */
    private final boolean stampsInOneStatement;

    HazardRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.stampsInOneStatement = DatabaseProduct.isPostgreSql(dataSource);
    }

    long insert(NewHazard hazard, String jurisdictionCode, long constructionUnitId, Long insurerOrgId,
            OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hazard (project_id, policy_id, insurer_org_id, jurisdiction_code, construction_unit_id,
                    verifier_org_id, source, source_id, category, severity, description, location, photos,
                    proposed_measure, status, raised_by, raised_at)
                VALUES (:project, :policy, :insurer, :area, :builder, :verifier, :source, :sourceId, :category, :severity,
                    :description, :location, :photos, :measure, 'OPEN', :by, :at)
                """)
                .param("project", hazard.projectId()).param("policy", hazard.policyId()).param("insurer", insurerOrgId)
                .param("area", jurisdictionCode)
                .param("builder", constructionUnitId).param("verifier", hazard.verifierOrgId())
                .param("source", hazard.source().name()).param("sourceId", hazard.sourceId())
                .param("category", hazard.category().name()).param("severity", hazard.severity().name())
                .param("description", hazard.description()).param("location", hazard.location())
                .param("photos", String.join(" ", hazard.photos())).param("measure", hazard.proposedMeasure())
                .param("by", hazard.raisedBy()).param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Opens a round unless it is open already (a retried step keeps the first); the hazard is OPEN again. */
    boolean openRound(long hazardId, int round, OffsetDateTime openedAt, OffsetDateTime deadlineAt) {
        if (findRound(hazardId, round).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO hazard_round (hazard_id, round, opened_at, deadline_at)
                VALUES (:hazard, :round, :opened, :deadline)
                """).param("hazard", hazardId).param("round", round).param("opened", openedAt)
                .param("deadline", deadlineAt).update();
        jdbc.sql("""
                UPDATE hazard SET round = :round, deadline_at = :deadline, status = 'OPEN', escalation = 'NONE'
                WHERE id = :hazard
                """).param("hazard", hazardId).param("round", round).param("deadline", deadlineAt).update();
        return true;
    }

    /** Stamps the reminder of the round; false when it was stamped before (nothing to do again). */
    boolean stampReminded(long hazardId, int round, OffsetDateTime at) {
        return stampRound("reminded_at", hazardId, round, at);
    }

    /** A timer step's hazard with its project's title, as it was before the step, and whether the step stamped. */
    record Stamped(TitledHazard titled, boolean first) {
    }

    /**
     * Stamps the round's escalation to {@code level} unless it has one or the hazard is closed, and sets the hazard's
     * escalation if the round is still its current one; empty when there is no such hazard. PostgreSQL reads, stamps
     * and sets in one statement (a storm of escalations makes thousands of these, #15), H2 in three.
     */
    Optional<Stamped> stampEscalation(HazardEscalation level, long hazardId, int round, OffsetDateTime at) {
        String column = level == HazardEscalation.CITY ? "city_escalated_at" : "county_escalated_at";
        if (stampsInOneStatement) {
            // the data-modifying parts run once whether read or not; the outer select sees the hazard as before them
            return jdbc.sql("WITH stamped AS (" + stampRound(column) + " AND EXISTS (SELECT 1 FROM hazard"
                            + " WHERE id = :hazard AND status <> 'CLOSED') RETURNING hazard_id), escalated AS ("
                            + "UPDATE hazard SET escalation = :escalation WHERE id IN (SELECT hazard_id FROM stamped)"
                            + " AND round = :round) " + titledSelect("(SELECT COUNT(*) FROM stamped) AS first_stamp"))
                    .param("at", at).param("hazard", hazardId).param("round", round)
                    .param("escalation", level.name())
                    .query((row, n) -> new Stamped(titled(row, at), row.getLong("first_stamp") == 1))
                    .optional();
        }
        Optional<TitledHazard> titled = findTitledWithoutRounds(hazardId, at);
        boolean first = titled.isPresent() && titled.get().hazard().status() != HazardStatus.CLOSED
                && stampRound(column, hazardId, round, at);
        if (first) {
            jdbc.sql("UPDATE hazard SET escalation = :escalation WHERE id = :hazard AND round = :round")
                    .param("escalation", level.name()).param("hazard", hazardId).param("round", round).update();
        }
        return titled.map(hazard -> new Stamped(hazard, first));
    }

    /** Stamps the round's {@code column} unless it has a stamp; true when this call stamped. */
    private boolean stampRound(String column, long hazardId, int round, OffsetDateTime at) {
        return jdbc.sql(stampRound(column)).param("at", at).param("hazard", hazardId).param("round", round)
                .update() == 1;
    }

    private static String stampRound(String column) {
        return "UPDATE hazard_round SET " + column + " = :at WHERE hazard_id = :hazard AND round = :round AND "
                + column + " IS NULL";
    }

    /** Records the evidence of the round; false when the round has evidence already. */
    boolean recordEvidence(long hazardId, int round, String description, List<String> files, String by,
            OffsetDateTime at) {
        int updated = jdbc.sql("""
                UPDATE hazard_round SET evidence_description = :description, evidence_files = :files,
                    submitted_by = :by, submitted_at = :at
                WHERE hazard_id = :hazard AND round = :round AND submitted_at IS NULL
                """).param("description", description).param("files", String.join(" ", files)).param("by", by)
                .param("at", at).param("hazard", hazardId).param("round", round).update();
        if (updated == 1) {
            jdbc.sql("UPDATE hazard SET status = 'SUBMITTED' WHERE id = :hazard").param("hazard", hazardId).update();
        }
        return updated == 1;
    }

    /** Records the verdict on the round's evidence; an accepted rectification closes the hazard (销号). */
    boolean recordVerdict(long hazardId, int round, boolean accepted, String reason, String by, OffsetDateTime at) {
        int updated = jdbc.sql("""
                UPDATE hazard_round SET verdict = :verdict, verdict_reason = :reason, verified_by = :by, verified_at = :at
                WHERE hazard_id = :hazard AND round = :round AND verdict IS NULL AND submitted_at IS NOT NULL
                """).param("verdict", accepted ? "ACCEPTED" : "REJECTED").param("reason", reason).param("by", by)
                .param("at", at).param("hazard", hazardId).param("round", round).update();
        if (updated == 1 && accepted) {
            jdbc.sql("UPDATE hazard SET status = 'CLOSED', closed_at = :at, closed_by = :by WHERE id = :hazard")
                    .param("at", at).param("by", by).param("hazard", hazardId).update();
        }
        return updated == 1;
    }

    Optional<Hazard> find(long id, OffsetDateTime now) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((row, n) -> hazard(row, now, true))
                .optional();
    }

    /**
     * The hazard without its rounds' history ({@link Hazard#rounds()} is empty) and its project's title, in one
     * statement: what a timer step reads before it mails (a storm of escalations makes thousands of these, #15).
     */
    Optional<TitledHazard> findTitledWithoutRounds(long id, OffsetDateTime now) {
        return jdbc.sql(titledSelect(null)).param("hazard", id).query((row, n) -> titled(row, now)).optional();
    }

    /** The hazard {@code :hazard} without its rounds, with its project's title and an extra column if given. */
    private static String titledSelect(String extraColumn) {
        return "SELECT h.*, p.project_code AS title_code, p.name AS title_name"
                + (extraColumn == null ? "" : ", " + extraColumn) + " FROM (" + SELECT
                + " WHERE id = :hazard) h JOIN project p ON p.id = h.project_id";
    }

    private TitledHazard titled(ResultSet row, OffsetDateTime now) throws SQLException {
        return new TitledHazard(hazard(row, now, false),
                new ProjectTitle(row.getLong("project_id"), row.getString("title_code"), row.getString("title_name")));
    }

    /** Who may see what: empty collections grant nothing; {@code null} scope = the whole city. */
    record Scope(Collection<String> areas, Collection<Long> insurers, Collection<Long> builders,
            Collection<Long> verifiers) {

        boolean grantsNothing() {
            return areas.isEmpty() && insurers.isEmpty() && builders.isEmpty() && verifiers.isEmpty();
        }
    }

    /** What a hazard list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(sortColumns(), "id", "deadline", "asc");

    private static Map<String, String> sortColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "id");
        columns.put("raisedAt", "raised_at");
        columns.put("deadline", "deadline_at");
        columns.put("severity", "severity");
        columns.put("status", "status");
        columns.put("county", "jurisdiction_code");
        columns.put("projectId", "project_id");
        return columns;
    }

    /** One page of the hazards in the scope matching the filter; overdue = open past the deadline. */
    List<Hazard> find(Scope scope, HazardFilter filter, OffsetDateTime now, ListQuery list) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = SELECT + where(scope, filter, now, params) + SORT.orderBy(list.sort())
                + " LIMIT :limit OFFSET :offset";
        params.put("limit", list.size());
        params.put("offset", list.offset());
        return jdbc.sql(sql).params(params).query((row, n) -> hazard(row, now, false)).list();
    }

    long count(Scope scope, HazardFilter filter, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM hazard" + where(scope, filter, now, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(Scope scope, HazardFilter filter, OffsetDateTime now, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (scope != null) {
            Map<String, Collection<?>> granted = new LinkedHashMap<>();
            granted.put("jurisdiction_code", scope.areas());
            granted.put("insurer_org_id", scope.insurers());
            granted.put("construction_unit_id", scope.builders());
            granted.put("verifier_org_id", scope.verifiers());
            sql.append(ScopeSql.anyOf(granted, params));
        }
        if (filter.projectId() != null) {
            sql.append(" AND project_id = :project");
            params.put("project", filter.projectId());
        }
        if (filter.county() != null && !filter.county().isBlank()) {
            sql.append(" AND jurisdiction_code = :county");
            params.put("county", filter.county().strip());
        }
        if (filter.severity() != null) {
            sql.append(" AND severity = :severity");
            params.put("severity", filter.severity().name());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND status = 'OPEN' AND deadline_at < :now"
                    : " AND NOT (status = 'OPEN' AND deadline_at IS NOT NULL AND deadline_at < :now)");
            params.put("now", now);
        }
        return sql.toString();
    }

    private Optional<Hazard.Round> findRound(long hazardId, int round) {
        return rounds(hazardId).stream().filter(r -> r.round() == round).findFirst();
    }

    List<Hazard.Round> rounds(long hazardId) {
        return jdbc.sql("""
                SELECT round, opened_at, deadline_at, reminded_at, county_escalated_at, city_escalated_at,
                       evidence_description, evidence_files, submitted_by, submitted_at, verdict, verdict_reason,
                       verified_by, verified_at
                FROM hazard_round WHERE hazard_id = :hazard ORDER BY round
                """).param("hazard", hazardId).query((row, n) -> new Hazard.Round(row.getInt("round"),
                        at(row, "opened_at"), at(row, "deadline_at"), at(row, "reminded_at"),
                        at(row, "county_escalated_at"), at(row, "city_escalated_at"),
                        row.getString("evidence_description"), hashes(row.getString("evidence_files")),
                        row.getString("submitted_by"), at(row, "submitted_at"), row.getString("verdict"),
                        row.getString("verdict_reason"), row.getString("verified_by"), at(row, "verified_at")))
                .list();
    }

    private Hazard hazard(ResultSet row, OffsetDateTime now, boolean withRounds) throws SQLException {
        long id = row.getLong("id");
        HazardCategory category = HazardCategory.valueOf(row.getString("category"));
        HazardSeverity severity = HazardSeverity.valueOf(row.getString("severity"));
        HazardStatus status = HazardStatus.valueOf(row.getString("status"));
        OffsetDateTime deadline = at(row, "deadline_at");
        return new Hazard(id, row.getLong("project_id"), row.getLong("policy_id"), row.getObject("insurer_org_id", Long.class),
                row.getString("jurisdiction_code"),
                row.getLong("construction_unit_id"), row.getLong("verifier_org_id"),
                HazardSource.valueOf(row.getString("source")), row.getLong("source_id"), category, category.label(),
                severity, severity.label(), row.getString("description"), row.getString("location"),
                hashes(row.getString("photos")), row.getString("proposed_measure"), status, status.label(),
                row.getString("raised_by"), at(row, "raised_at"), row.getInt("round"), deadline,
                status == HazardStatus.OPEN && deadline != null && deadline.isBefore(now),
                HazardEscalation.valueOf(row.getString("escalation")), at(row, "closed_at"), row.getString("closed_by"),
                withRounds ? rounds(id) : List.of());
    }

    private static OffsetDateTime at(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private static List<String> hashes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.strip().split("\\s+"));
    }

    boolean hasOpenMajor(long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard WHERE project_id = :project AND severity = 'MAJOR' AND status <> 'CLOSED'")
                .param("project", projectId).query(Long.class).single() > 0;
    }
}
