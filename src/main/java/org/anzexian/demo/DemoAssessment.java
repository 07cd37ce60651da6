package org.anzexian.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.supervision.assessment.AssessmentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A published assessment of the last quarter (N9.2), so that the portal shows a ranking on a fresh start.
 * The demo story itself happens today, so it has no past to assess: this writes a small history of the
 * quarter before this one — the two demo insurers' service-team registrations, picc's in time and cpic's
 * a week late (N6.3), marked {@code registered_by = 'demo-history'} and belonging to no policy of this
 * system — then assesses and publishes the quarter as the timer would. Done once: on restart the history is
 * found and the quarter is assessed already (assessing and publishing skip what is done).
 */
@Component
@ConditionalOnProperty(name = "anzexian.demo-data.scenario", havingValue = "true")
class DemoAssessment {

    static final String HISTORY = "demo-history";

    private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

    private final OrganizationService organizations;
    private final ProjectService projects;
    private final AssessmentService assessments;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoAssessment(OrganizationService organizations, ProjectService projects, AssessmentService assessments,
            JdbcClient jdbc, Clock clock) {
        this.organizations = organizations;
        this.projects = projects;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void play() {
        try {
            LocalDate today = LocalDate.now(clock);
            LocalDate to = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            LocalDate from = to.minusMonths(3);
            var picc = organizations.findByCreditCode(CreditCode.withCheckCharacter("91140900MA0K00011"));
            var cpic = organizations.findByCreditCode(CreditCode.withCheckCharacter("91140900MA0K00012"));
            var project = projects.findByCode(DemoScenario.INSURED_PROJECT);
            if (picc.isEmpty() || cpic.isEmpty() || project.isEmpty()) {
                log.info("演示考核已跳过 demo assessment skipped: demo insurers or project {} missing", DemoScenario.INSURED_PROJECT);
                return;
            }
            if (!historyWritten()) {
                ZoneId zone = clock.getZone();
                OffsetDateTime due = from.plusMonths(1).plusDays(14).atTime(17, 0).atZone(zone).toOffsetDateTime();
                registration(picc.get(), project.get(), due, due.minusDays(2));
                registration(cpic.get(), project.get(), due, due.plusDays(7));
            }
            assessments.assess(from, to);
            assessments.publish(from, to);
            log.info("演示考核就绪 demo assessment ready: {} published", from + " 至 " + to.minusDays(1));
        } catch (RuntimeException e) {
            log.warn("演示考核失败，启动继续 demo assessment failed, start-up goes on: {}", e.toString(), e);
        }
    }

    private boolean historyWritten() {
        return jdbc.sql("SELECT COUNT(*) FROM service_team_registration WHERE registered_by = :by").param("by", HISTORY)
                .query(Long.class).single() > 0;
    }

    /** A registration of the past, due at {@code due} and registered at {@code registered}; late when after. */
    private void registration(Organization insurer, Project project, OffsetDateTime due, OffsetDateTime registered) {
        boolean late = registered.isAfter(due);
        // policy_id: a negative id stands for a policy outside this system (the column refers to no table)
        long policyId = -jdbc.sql("SELECT COUNT(*) + 1 FROM service_team_registration WHERE registered_by = :by")
                .param("by", HISTORY).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO service_team_registration (policy_id, project_id, insurer_org_id, jurisdiction_code, status,
                    late, policy_issued_at, deadline_at, overdue_at, registered_by, registered_at)
                VALUES (:policy, :project, :insurer, :county, 'REGISTERED', :late, :issued, :due, :overdue, :by, :at)
                """).param("policy", policyId).param("project", project.id()).param("insurer", insurer.id())
                .param("county", project.jurisdictionCode()).param("late", late).param("issued", due.minusMonths(1))
                .param("due", due).param("overdue", late ? due : null).param("by", HISTORY).param("at", registered)
                .update();
    }
}
