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
        jdbc.sql("""
                INSERT INTO service_team_registration (policy_id, project_id, insurer_org_id, jurisdiction_code, status,
                    late, policy_issued_at, deadline_at)
                VALUES (:policy, :project, :insurer, '140902', :status, :late, :issued, :deadline)
                """).param("policy", -System.nanoTime()).param("project", projectId).param("insurer", insurer.id())
                .param("status", late ? "OVERDUE" : "REGISTERED").param("late", late)
                .param("issued", deadline.minusMonths(1)).param("deadline", deadline).update();
        return lastId("service_team_registration");
    }

    long lastId(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
    }
}
