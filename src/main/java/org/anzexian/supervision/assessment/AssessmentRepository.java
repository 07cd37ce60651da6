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

    /** Per organization, the case refs of one measure over [from, to), in case order. */
    Map<Long, List<String>> cases(Measure measure, LocalDate from, LocalDate to, ZoneId zone) {
        Map<Long, List<String>> byOrg = new TreeMap<>();
        jdbc.sql(measure.query() + " ORDER BY case_id")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.atStartOfDay(zone).toOffsetDateTime())
                .query((row, n) -> {
                    byOrg.computeIfAbsent(row.getLong("org"), org -> new ArrayList<>())
                            .add(measure.caseType() + ":" + row.getLong("case_id"));
                    return null;
                }).list();
        return byOrg;
    }

    long insert(long organizationId, Measure.Kind kind, LocalDate from, LocalDate to, BigDecimal score, String grade,
            int rank, int rankedOf, OffsetDateTime at, Map<Measure, List<String>> measures) {
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
            for (String ref : cases) {
                jdbc.sql("INSERT INTO assessment_measure_case (assessment_id, measure, case_ref) VALUES (:id, :m, :ref)")
                        .param("id", id).param("m", measure.name()).param("ref", ref).update();
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

    /** A page, newest period first; {@code organizations} null for all. */
    List<Assessment> page(Set<Long> organizations, long offset, int size) {
        return jdbc.sql(SELECT + where(organizations) + " ORDER BY a.period_end DESC, a.org_kind, a.rank_no, a.id"
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(filter(organizations)).param("offset", offset).param("size", size).query(this::map).list();
    }

    long count(Set<Long> organizations) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment a" + where(organizations)).params(filter(organizations))
                .query(Long.class).single();
    }

    private static String where(Set<Long> organizations) {
        return organizations == null ? "" : " WHERE a.organization_id IN (:orgs)";
    }

    private static Map<String, Object> filter(Set<Long> organizations) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (organizations != null) {
            params.put("orgs", organizations.isEmpty() ? List.of(-1L) : organizations);
        }
        return params;
    }

    private Assessment withMeasures(Assessment a) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        jdbc.sql("SELECT measure, case_ref FROM assessment_measure_case WHERE assessment_id = :id ORDER BY measure, case_ref")
                .param("id", a.id()).query((row, n) -> cases.computeIfAbsent(row.getString(1), m -> new ArrayList<>())
                        .add(row.getString(2))).list();
        List<Assessment.Figure> figures = jdbc.sql("SELECT measure, figure FROM assessment_measure WHERE assessment_id = :id")
                .param("id", a.id()).query((row, n) -> {
                    Measure measure = Measure.valueOf(row.getString(1));
                    return new Assessment.Figure(measure, measure.label(), row.getInt(2),
                            cases.getOrDefault(measure.name(), List.of()));
                }).list().stream().sorted((x, y) -> x.measure().compareTo(y.measure())).toList();
        return new Assessment(a.id(), a.organizationId(), a.organizationName(), a.kind(), a.periodStart(), a.periodEnd(),
                a.score(), a.grade(), a.rank(), a.rankedOf(), a.assessedAt(), a.bureauMeasure(), a.bureauMeasureReason(), figures);
    }

    private Assessment map(ResultSet row, int n) throws SQLException {
        return new Assessment(row.getLong(1), row.getLong(2), row.getString(3), Measure.Kind.valueOf(row.getString(4)),
                row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class), row.getBigDecimal(7), row.getString(8),
                row.getInt(9), row.getInt(10), row.getObject(11, OffsetDateTime.class),
                row.getString(12) == null ? null : BottomMeasure.valueOf(row.getString(12)), row.getString(13), List.of());
    }
}
