package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AssessmentRepository {

    private static final String SELECT = """
            SELECT a.id, a.organization_id, o.name, a.org_kind, a.period_start, a.period_end, a.score, a.grade,
                   a.rank_no, a.ranked_of, a.assessed_at, a.bureau_measure, a.bureau_measure_reason
            FROM assessment a JOIN organization o ON o.id = a.organization_id
            """;

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per organization, the cases of one measure over [from, to), in case order, with their page and note. */
    Map<Long, List<Assessment.Case>> cases(Measure measure, LocalDate from, LocalDate to, ZoneId zone) {
        Map<Long, List<Assessment.Case>> byOrg = new TreeMap<>();
        jdbc.sql("SELECT * FROM (" + measure.query() + ") m ORDER BY case_id")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.atStartOfDay(zone).toOffsetDateTime())
                .query((row, n) -> {
                    long caseId = row.getLong("case_id");
                    Set<String> columns = columns(row);
                    Object pageId = columns.contains("page_id") ? row.getObject("page_id") : caseId;
                    byOrg.computeIfAbsent(row.getLong("org"), org -> new ArrayList<>()).add(new Assessment.Case(
                            measure.caseType() + ":" + caseId, pageId == null ? null : measure.pageKind() + "/" + pageId,
                            columns.contains("note") ? row.getString("note") : null));
                    return null;
                }).list();
        return byOrg;
    }

    private static Set<String> columns(ResultSet row) throws SQLException {
        Set<String> columns = new java.util.HashSet<>();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            columns.add(row.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        return columns;
    }

    long insert(long organizationId, Measure.Kind kind, LocalDate from, LocalDate to, BigDecimal score, String grade,
            int rank, int rankedOf, OffsetDateTime at, Map<Measure, List<Assessment.Case>> measures) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment (organization_id, org_kind, period_start, period_end, score, grade, rank_no,
                    ranked_of, assessed_at)
                VALUES (:org, :kind, :from, :to, :score, :grade, :rank, :of, :at)
                """).param("org", organizationId).param("kind", kind.name()).param("from", from).param("to", to)
                .param("score", score).param("grade", grade).param("rank", rank).param("of", rankedOf).param("at", at)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        measures.forEach((measure, cases) -> {
            jdbc.sql("INSERT INTO assessment_measure (assessment_id, measure, figure) VALUES (:id, :m, :f)")
                    .param("id", id).param("m", measure.name()).param("f", cases.size()).update();
            for (Assessment.Case c : cases) {
                jdbc.sql("""
                        INSERT INTO assessment_measure_case (assessment_id, measure, case_ref, case_page, note)
                        VALUES (:id, :m, :ref, :page, :note)""")
                        .param("id", id).param("m", measure.name()).param("ref", c.ref()).param("page", c.page())
                        .param("note", c.note()).update();
            }
        });
        return id;
    }

    boolean periodAssessed(Measure.Kind kind, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE org_kind = :kind AND period_start = :from AND period_end = :to")
                .param("kind", kind.name()).param("from", from).param("to", to).query(Long.class).single() > 0;
    }

    Optional<Assessment> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::map).optional()
                .map(this::withMeasures);
    }

    /** The latest {@code periods} assessments of an organization, newest first. */
    List<Assessment> latest(long organizationId, int periods) {
        return jdbc.sql(SELECT + " WHERE a.organization_id = :org ORDER BY a.period_end DESC FETCH FIRST :n ROWS ONLY")
                .param("org", organizationId).param("n", periods).query(this::map).list();
    }

    /** The organization's assessment of the period ending {@code periodEnd}, if it was ranked then. */
    Optional<Assessment> ofOrganization(long organizationId, LocalDate periodEnd) {
        return jdbc.sql(SELECT + " WHERE a.organization_id = :org AND a.period_end = :end")
                .param("org", organizationId).param("end", periodEnd).query(this::map).optional();
    }

    void recordMeasure(long organizationId, LocalDate periodEnd, BottomMeasure measure, String reason) {
        jdbc.sql("""
                UPDATE assessment SET bureau_measure = :m, bureau_measure_reason = :reason
                WHERE organization_id = :org AND period_end = :end
                """).param("m", measure.name()).param("reason", reason).param("org", organizationId).param("end", periodEnd)
                .update();
    }

    /** Rows of a period in rank order. */
    List<Assessment> ofPeriod(Measure.Kind kind, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE a.org_kind = :kind AND a.period_start = :from AND a.period_end = :to ORDER BY a.rank_no")
                .param("kind", kind.name()).param("from", from).param("to", to).query(this::map).list();
    }

    /**
     * The organizations working in the given counties (N9.2, a county's view): an insurer or service
     * organization with a policy, team registration, visit, hazard, claim or quotation there.
     */
    Set<Long> workingIn(Set<String> counties) {
        if (counties.isEmpty()) {
            return Set.of();
        }
        return new java.util.TreeSet<>(jdbc.sql("""
                SELECT insurer_org_id FROM policy WHERE jurisdiction_code IN (:codes)
                UNION SELECT insurer_org_id FROM service_team_registration WHERE jurisdiction_code IN (:codes)
                UNION SELECT service_org_id FROM service_team_registration
                      WHERE service_org_id IS NOT NULL AND jurisdiction_code IN (:codes)
                UNION SELECT service_org_id FROM visit WHERE jurisdiction_code IN (:codes)
                UNION SELECT insurer_org_id FROM hazard WHERE jurisdiction_code IN (:codes)
                UNION SELECT insurer_org_id FROM claim WHERE jurisdiction_code IN (:codes)
                UNION SELECT q.insurer_org_id FROM quotation q JOIN project p ON p.id = q.project_id
                      WHERE p.jurisdiction_code IN (:codes)
                """).param("codes", counties).query(Long.class).list());
    }

    /** A page, newest period first; {@code organizations} null for all. */
    List<Assessment> page(Set<Long> organizations, AssessmentFilter filter, long offset, int size) {
        return jdbc.sql(SELECT + where(organizations, filter) + " ORDER BY a.period_end DESC, a.org_kind, a.rank_no, a.id"
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params(organizations, filter)).param("offset", offset).param("size", size).query(this::map).list();
    }

    long count(Set<Long> organizations, AssessmentFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment a" + where(organizations, filter))
                .params(params(organizations, filter)).query(Long.class).single();
    }

    /** The periods assessed, newest first, as [start, end). */
    List<LocalDate[]> periods() {
        return jdbc.sql("SELECT DISTINCT period_start, period_end FROM assessment ORDER BY period_end DESC, period_start")
                .query((row, n) -> new LocalDate[] {row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class)})
                .list();
    }

    private static String where(Set<Long> organizations, AssessmentFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (organizations != null) {
            conditions.add("a.organization_id IN (:orgs)");
        }
        if (filter.organizationId() != null) {
            conditions.add("a.organization_id = :org");
        }
        if (filter.kind() != null) {
            conditions.add("a.org_kind = :kind");
        }
        if (filter.periodEnd() != null) {
            conditions.add("a.period_end = :end");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Map<String, Object> params(Set<Long> organizations, AssessmentFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (organizations != null) {
            params.put("orgs", organizations.isEmpty() ? List.of(-1L) : organizations);
        }
        if (filter.organizationId() != null) {
            params.put("org", filter.organizationId());
        }
        if (filter.kind() != null) {
            params.put("kind", filter.kind().name());
        }
        if (filter.periodEnd() != null) {
            params.put("end", filter.periodEnd());
        }
        return params;
    }

    private Assessment withMeasures(Assessment a) {
        Map<String, List<Assessment.Case>> cases = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT measure, case_ref, case_page, note FROM assessment_measure_case WHERE assessment_id = :id
                ORDER BY measure, case_ref""")
                .param("id", a.id()).query((row, n) -> cases.computeIfAbsent(row.getString(1), m -> new ArrayList<>())
                        .add(new Assessment.Case(row.getString(2), row.getString(3), row.getString(4)))).list();
        List<Assessment.Figure> figures = jdbc.sql("SELECT measure, figure FROM assessment_measure WHERE assessment_id = :id")
                .param("id", a.id()).query((row, n) -> {
                    Measure measure = Measure.valueOf(row.getString(1));
                    List<Assessment.Case> details = cases.getOrDefault(measure.name(), List.of());
                    return new Assessment.Figure(measure, measure.label(), row.getInt(2),
                            details.stream().map(Assessment.Case::ref).toList(), details);
                }).list().stream().sorted((x, y) -> x.measure().compareTo(y.measure())).toList();
        Map<Measure, Integer> counts = new java.util.EnumMap<>(Measure.class);
        figures.forEach(f -> counts.put(f.measure(), f.figure()));
        List<Assessment.RateFigure> rates = java.util.Arrays.stream(Rate.values()).filter(r -> r.kind() == a.kind())
                .map(r -> new Assessment.RateFigure(r, r.label(), counts.getOrDefault(r.numerator(), 0),
                        counts.getOrDefault(r.denominator(), 0), r.percent(counts))).toList();
        return new Assessment(a.id(), a.organizationId(), a.organizationName(), a.kind(), a.periodStart(), a.periodEnd(),
                a.score(), a.grade(), a.rank(), a.rankedOf(), a.assessedAt(), a.bureauMeasure(), a.bureauMeasureReason(),
                figures, rates);
    }

    private Assessment map(ResultSet row, int n) throws SQLException {
        return new Assessment(row.getLong(1), row.getLong(2), row.getString(3), Measure.Kind.valueOf(row.getString(4)),
                row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class), row.getBigDecimal(7), row.getString(8),
                row.getInt(9), row.getInt(10), row.getObject(11, OffsetDateTime.class),
                row.getString(12) == null ? null : BottomMeasure.valueOf(row.getString(12)), row.getString(13), List.of(),
                List.of());
    }
}
