package org.anzexian.claim;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.ScopeSql;
import org.anzexian.platform.web.SortFields;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Claims and what hangs on them; there is no delete. */
@Repository
class ClaimRepository {

    private final JdbcClient jdbc;

    ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewClaim(long policyId, String policyNumber, long projectId, long insurerOrgId, long constructionUnitId,
            String jurisdictionCode, ClaimReport report, OffsetDateTime reportedAt, ReportChannel channel,
            String reportedBy, boolean late, OffsetDateTime acknowledgementDueAt) {
    }

    long insert(NewClaim claim) {
        ClaimReport report = claim.report();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO claim (policy_id, policy_number, project_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, accident_at, reported_at, place, accident_type, deaths, injuries, description,
                    reporter_name, reporter_phone, reporter_email, channel, reported_by, late, late_explanation, status,
                    acknowledgement_due_at, photos)
                VALUES (:policy, :number, :project, :insurer, :builder, :area, :accidentAt, :reportedAt, :place, :type,
                    :deaths, :injuries, :description, :reporter, :phone, :email, :channel, :by, :late, :explanation,
                    'REPORTED', :ackDue, :photos)
                """)
                .param("policy", claim.policyId()).param("number", claim.policyNumber())
                .param("project", claim.projectId()).param("insurer", claim.insurerOrgId())
                .param("builder", claim.constructionUnitId()).param("area", claim.jurisdictionCode())
                .param("accidentAt", report.accidentAt()).param("reportedAt", claim.reportedAt())
                .param("place", report.place().strip()).param("type", report.accidentType().name())
                .param("deaths", report.deaths()).param("injuries", report.injuries())
                .param("description", report.description().strip()).param("reporter", report.reporterName().strip())
                .param("phone", report.reporterPhone().strip()).param("email", blankToNull(report.reporterEmail()))
                .param("channel", claim.channel().name()).param("by", claim.reportedBy()).param("late", claim.late())
                .param("explanation", claim.late() ? report.lateExplanation().strip() : null)
                .param("ackDue", claim.acknowledgementDueAt()).param("photos", String.join(" ", report.photos()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE claim SET process_instance_id = :instance WHERE id = :id").param("id", id)
                .param("instance", processInstanceId).update();
    }

    void acknowledge(long id, String procedure, String documents, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE claim SET status = 'ACKNOWLEDGED', claim_procedure = :procedure, required_documents = :documents,
                    acknowledged_by = :by, acknowledged_at = :at WHERE id = :id
                """).param("id", id).param("procedure", procedure).param("documents", documents).param("by", by)
                .param("at", at).update();
    }

    void survey(long id, String findings, String cause, BigDecimal estimatedLoss, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE claim SET survey_findings = :findings, accident_cause = :cause, estimated_loss = :loss,
                    surveyed_by = :by, surveyed_at = :at WHERE id = :id
                """).param("id", id).param("findings", findings).param("cause", cause).param("loss", estimatedLoss)
                .param("by", by).param("at", at).update();
    }

    long addDocumentRound(long claimId, String kind, String text, List<String> files, String by, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO claim_document_round (claim_id, kind, text, files, recorded_by, recorded_at)
                VALUES (:claim, :kind, :text, :files, :by, :at)
                """).param("claim", claimId).param("kind", kind).param("text", text)
                .param("files", String.join(" ", files)).param("by", by).param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    void documentsComplete(long id, OffsetDateTime at, OffsetDateTime decisionDueAt) {
        jdbc.sql("""
                UPDATE claim SET status = 'DOCUMENTS_COMPLETE', documents_complete_at = :at, decision_due_at = :due
                WHERE id = :id
                """).param("id", id).param("at", at).param("due", decisionDueAt).update();
    }

    void decide(long id, boolean covered, String reason, BigDecimal amount, List<ClaimSteps.Payee> payees, String by,
            OffsetDateTime at, OffsetDateTime paymentDueAt) {
        jdbc.sql("""
                UPDATE claim SET status = :status, covered = :covered, decision_reason = :reason, agreed_amount = :amount,
                    decided_by = :by, decided_at = :at, payment_due_at = :due WHERE id = :id
                """).param("id", id).param("status", covered ? "AGREED" : "DECLINED").param("covered", covered)
                .param("reason", reason).param("amount", amount).param("by", by).param("at", at)
                .param("due", paymentDueAt).update();
        for (int i = 0; i < payees.size(); i++) {
            jdbc.sql("INSERT INTO claim_payee (claim_id, seq, name, amount) VALUES (:claim, :seq, :name, :amount)")
                    .param("claim", id).param("seq", i + 1).param("name", payees.get(i).name())
                    .param("amount", payees.get(i).amount()).update();
        }
    }

    void pay(long id, BigDecimal amount, LocalDate paidOn, String reference, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE claim SET status = 'PAID', paid_amount = :amount, paid_on = :paidOn, payment_reference = :reference,
                    payment_recorded_by = :by, payment_recorded_at = :at WHERE id = :id
                """).param("id", id).param("amount", amount).param("paidOn", paidOn).param("reference", reference)
                .param("by", by).param("at", at).update();
    }

    void addRecommendation(long claimId, RecommendationKind kind, int seq, String text, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO claim_recommendation (claim_id, kind, seq, text, created_by, created_at)
                VALUES (:claim, :kind, :seq, :text, :by, :at)
                """).param("claim", claimId).param("kind", kind.name()).param("seq", seq).param("text", text)
                .param("by", by).param("at", at).update();
    }

    void close(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE claim SET status = 'CLOSED', recommended_at = :at WHERE id = :id").param("id", id)
                .param("at", at).update();
    }

    void linkHazard(long recommendationId, long hazardId) {
        jdbc.sql("UPDATE claim_recommendation SET hazard_id = :hazard WHERE id = :id").param("id", recommendationId)
                .param("hazard", hazardId).update();
    }

    /** Records a missed service time once; false when it was recorded before. */
    boolean addBreach(long claimId, long insurerOrgId, BreachKind kind, OffsetDateTime dueAt, OffsetDateTime at) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM claim_breach WHERE claim_id = :claim AND kind = :kind")
                .param("claim", claimId).param("kind", kind.name()).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO claim_breach (claim_id, insurer_org_id, kind, due_at, recorded_at)
                VALUES (:claim, :insurer, :kind, :due, :at)
                """).param("claim", claimId).param("insurer", insurerOrgId).param("kind", kind.name())
                .param("due", dueAt).param("at", at).update();
        return true;
    }

    /** What the policy's other claims already take of its total limit (agreed and not declined). */
    BigDecimal agreedOnPolicy(long policyId, long exceptClaimId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(agreed_amount), 0) FROM claim
                WHERE policy_id = :policy AND id <> :claim AND covered = TRUE
                """).param("policy", policyId).param("claim", exceptClaimId).query(BigDecimal.class).single();
    }

    /**
     * A claim's row and whether each of its lists has any entry, so that a claim reads only the lists it has: a new
     * claim, or a page of claims early in their handling, in one statement instead of five per claim.
     */
    private static final String SELECT = """
            SELECT claim.*,
                EXISTS (SELECT 1 FROM claim_document_round d WHERE d.claim_id = claim.id) AS has_documents,
                EXISTS (SELECT 1 FROM claim_payee p WHERE p.claim_id = claim.id) AS has_payees,
                EXISTS (SELECT 1 FROM claim_breach b WHERE b.claim_id = claim.id) AS has_breaches,
                EXISTS (SELECT 1 FROM claim_recommendation r WHERE r.claim_id = claim.id) AS has_recommendations
            FROM claim""";

    Optional<Claim> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** What a claim list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(sortColumns(), "id", "reportedAt", "desc");

    private static Map<String, String> sortColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "id");
        columns.put("reportedAt", "reported_at");
        columns.put("accidentAt", "accident_at");
        columns.put("status", "status");
        columns.put("county", "jurisdiction_code");
        columns.put("insurerId", "insurer_org_id");
        columns.put("deaths", "deaths");
        return columns;
    }

    /** One page of the claims in the scope (null = the whole city) matching the filter. */
    List<Claim> find(Scope scope, ClaimFilter filter, ListQuery list) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = SELECT + where(scope, filter, params) + SORT.orderBy(list.sort())
                + " LIMIT :limit OFFSET :offset";
        params.put("limit", list.size());
        params.put("offset", list.offset());
        return jdbc.sql(sql).params(params).query(this::map).list();
    }

    long count(Scope scope, ClaimFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM claim" + where(scope, filter, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(Scope scope, ClaimFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (scope != null) {
            sql.append(ScopeSql.anyOf(Map.of("insurer_org_id", scope.insurers(),
                    "construction_unit_id", scope.builders(), "jurisdiction_code", scope.areas()), params));
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.insurerId() != null) {
            sql.append(" AND insurer_org_id = :insurer");
            params.put("insurer", filter.insurerId());
        }
        if (filter.county() != null && !filter.county().isBlank()) {
            sql.append(" AND jurisdiction_code = :county");
            params.put("county", filter.county().strip());
        }
        if (filter.breach() != null) {
            // any service level missed (acknowledgement, decision, payment), as recorded when it lapsed
            sql.append(filter.breach() ? " AND" : " AND NOT")
                    .append(" EXISTS (SELECT 1 FROM claim_breach b WHERE b.claim_id = claim.id)");
        }
        return sql.toString();
    }

    /** The issued policies bought by or issued by these organizations, newest first. */
    record Scope(Collection<Long> insurers, Collection<Long> builders, Collection<String> areas) {

        boolean grantsNothing() {
            return insurers.isEmpty() && builders.isEmpty() && areas.isEmpty();
        }
    }

    private Claim map(ResultSet row, int n) throws SQLException {
        long id = row.getLong("id");
        ClaimStatus status = ClaimStatus.valueOf(row.getString("status"));
        Object covered = row.getObject("covered");
        return new Claim(id, row.getLong("policy_id"), row.getString("policy_number"), row.getLong("project_id"),
                row.getLong("insurer_org_id"), row.getLong("construction_unit_id"), row.getString("jurisdiction_code"),
                time(row, "accident_at"), time(row, "reported_at"), row.getString("place"),
                AccidentType.valueOf(row.getString("accident_type")), row.getInt("deaths"), row.getInt("injuries"),
                row.getString("description"), row.getString("reporter_name"), row.getString("reporter_phone"),
                row.getString("reporter_email"), ReportChannel.valueOf(row.getString("channel")),
                row.getString("reported_by"), row.getBoolean("late"), row.getString("late_explanation"), hashes(row.getString("photos")), status,
                status.label(), time(row, "acknowledgement_due_at"), time(row, "acknowledged_at"),
                row.getString("acknowledged_by"), row.getString("claim_procedure"), row.getString("required_documents"),
                time(row, "surveyed_at"), row.getString("survey_findings"), row.getString("accident_cause"),
                row.getBigDecimal("estimated_loss"), time(row, "documents_complete_at"), time(row, "decision_due_at"),
                time(row, "decided_at"), covered == null ? null : row.getBoolean("covered"),
                row.getString("decision_reason"), row.getBigDecimal("agreed_amount"), time(row, "payment_due_at"),
                row.getBigDecimal("paid_amount"), row.getObject("paid_on", LocalDate.class),
                row.getString("payment_reference"), time(row, "recommended_at"), row.getString("process_instance_id"),
                row.getBoolean("has_documents") ? documents(id) : List.of(),
                row.getBoolean("has_payees") ? payees(id) : List.of(),
                row.getBoolean("has_breaches") ? breaches(id) : List.of(),
                row.getBoolean("has_recommendations") ? recommendations(id) : List.of());
    }

    private List<Claim.DocumentRound> documents(long claimId) {
        return jdbc.sql("SELECT * FROM claim_document_round WHERE claim_id = :claim ORDER BY id")
                .param("claim", claimId)
                .query((row, n) -> new Claim.DocumentRound(row.getLong("id"), row.getString("kind"),
                        row.getString("text"), hashes(row.getString("files")),
                        row.getString("recorded_by"), time(row, "recorded_at")))
                .list();
    }

    private List<Claim.Payee> payees(long claimId) {
        return jdbc.sql("SELECT name, amount FROM claim_payee WHERE claim_id = :claim ORDER BY seq")
                .param("claim", claimId)
                .query((row, n) -> new Claim.Payee(row.getString("name"), row.getBigDecimal("amount"))).list();
    }

    private List<Claim.Breach> breaches(long claimId) {
        return jdbc.sql("SELECT kind, due_at, recorded_at FROM claim_breach WHERE claim_id = :claim ORDER BY id")
                .param("claim", claimId)
                .query((row, n) -> {
                    BreachKind kind = BreachKind.valueOf(row.getString("kind"));
                    return new Claim.Breach(kind, kind.label(), time(row, "due_at"), time(row, "recorded_at"));
                }).list();
    }

    private List<Claim.Recommendation> recommendations(long claimId) {
        return jdbc.sql("SELECT * FROM claim_recommendation WHERE claim_id = :claim ORDER BY id")
                .param("claim", claimId)
                .query((row, n) -> new Claim.Recommendation(row.getLong("id"),
                        RecommendationKind.valueOf(row.getString("kind")), row.getInt("seq"), row.getString("text"),
                        row.getObject("hazard_id") == null ? null : row.getLong("hazard_id")))
                .list();
    }

    private static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private static List<String> hashes(String spaced) {
        return spaced == null ? List.of() : Arrays.stream(spaced.split(" ")).filter(file -> !file.isBlank()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
