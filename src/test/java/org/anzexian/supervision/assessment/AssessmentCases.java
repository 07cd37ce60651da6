package org.anzexian.supervision.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.anzexian.support.InsuredProjects.Party;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases of past periods written straight into the business tables, for the assessment to count (N9.2). */
final class AssessmentCases {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final JdbcClient jdbc;
    private final long projectId;

    AssessmentCases(JdbcClient jdbc, long projectId) {
        this.jdbc = jdbc;
        this.projectId = projectId;
    }

    static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 12, 0, 0, 0, CST);
    }

    /** A team registration of {@code insurer} due at {@code deadline}, overdue or registered in time (N6.3). */
    long registration(Party insurer, OffsetDateTime deadline, boolean late) {
        return registration(insurer, deadline, late, "140902");
    }

    /** {@link #registration(Party, OffsetDateTime, boolean)} of a project in {@code county}. */
    long registration(Party insurer, OffsetDateTime deadline, boolean late, String county) {
        jdbc.sql("""
                INSERT INTO service_team_registration (policy_id, project_id, insurer_org_id, jurisdiction_code, status,
                    late, policy_issued_at, deadline_at)
                VALUES (:policy, :project, :insurer, :county, :status, :late, :issued, :deadline)
                """).param("policy", -System.nanoTime()).param("project", projectId).param("insurer", insurer.id())
                .param("county", county)
                .param("status", late ? "OVERDUE" : "REGISTERED").param("late", late)
                .param("issued", deadline.minusMonths(1)).param("deadline", deadline).update();
        return lastId("service_team_registration");
    }

    /**
     * A quotation of {@code insurer} for the fixture's project, declined at {@code reviewed} with its reason:
     * at the quotation ({@code DECLINED}, N4.4) or at underwriting ({@code UNDERWRITING_DECLINED}).
     */
    long declinedQuotation(Party insurer, long buyerId, String status, OffsetDateTime reviewed, String reason) {
        long contractId = jdbc.sql("SELECT contract_id FROM quotation WHERE project_id = :p FETCH FIRST 1 ROWS ONLY")
                .param("p", projectId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO quotation_request (project_id, contract_id, buyer_org_id, conversion, requested_by, requested_at)
                VALUES (:project, :contract, :buyer, FALSE, 'fixture', :at)
                """).param("project", projectId).param("contract", contractId).param("buyer", buyerId)
                .param("at", reviewed.minusDays(3)).update();
        boolean atQuotation = "DECLINED".equals(status);
        jdbc.sql("""
                INSERT INTO quotation (request_id, project_id, contract_id, insurer_org_id, status, decline_reason,
                    review_reason, reviewed_by, reviewed_at, updated_at)
                VALUES (:request, :project, :contract, :insurer, :status, :decline, :review, 'fixture', :at, :at)
                """).param("request", lastId("quotation_request")).param("project", projectId).param("contract", contractId)
                .param("insurer", insurer.id()).param("status", status).param("decline", atQuotation ? reason : null)
                .param("review", atQuotation ? null : reason).param("at", reviewed).update();
        return lastId("quotation");
    }

    long lastId(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
    }
}
