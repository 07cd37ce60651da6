package org.anzexian.supervision.assessment;

import static org.anzexian.supervision.assessment.AssessmentCases.CST;
import static org.anzexian.supervision.assessment.AssessmentCases.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.TasklistScript;
import org.anzexian.registry.organization.OrganizationType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N9.2 in the Tasklist: the city bureau decides the measures for an insurer last two quarters in a row,
 * with the organization's rankings on screen. Screenshot: {@code target/screenshots/assessment-measures.png}.
 */
@Tag("browser")
@AnzexianTest
class AssessmentMeasuresBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AssessmentService assessments;

    @BeforeEach
    void browserAvailable() {
        TasklistScript.requireBrowser();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCityDecidesToTalkToAnInsurerLastTwiceWithItsRankingsInView_N9_2() {
        InsuredProjects fixtures = new InsuredProjects(context);
        long projectId = jdbc.sql("SELECT MIN(project_id) FROM policy").query(Long.class).single();
        AssessmentCases cases = new AssessmentCases(jdbc, projectId);
        Party last = fixtures.party(OrganizationType.INSURER, "140902");
        Party better = fixtures.party(OrganizationType.INSURER, "140902");
        // two quarters of 2023, each with the one insurer late and the other on time
        for (int month : new int[] {2, 5}) {
            cases.registration(last, at(2023, month, 1), true);
            cases.registration(better, at(2023, month, 1), false);
        }
        assessments.assess(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 1));
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2023, 7, 1, 2, 0, 0, 0, CST).toInstant()));
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(PeriodicAssessmentProcess.KEY)
                .timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        List<Job> published;
        while (!(published = engine.getManagementService().createJobQuery().processDefinitionKey(PeriodicAssessmentProcess.KEY)
                .executable().messages().list()).isEmpty()) {
            published.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        ClockUtil.reset();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("20230701")
                .taskDefinitionKey(PeriodicAssessmentProcess.TASK_DECIDE_MEASURES).singleResult();
        assertThat(engine.getTaskService().getVariable(task.getId(), PeriodicAssessmentProcess.VAR_ORGANIZATION_ID))
                .isEqualTo(last.id());

        new TasklistScript(port).complete("city", "city", task.getId(),
                Map.of("处理措施", "约谈", "理由", "连续两个季度服务团队登记超期"),
                "--expect-text", "2023-04-01 至 2023-06-30", "--expect-text", "第 2 名（共 2 家）",
                "--shot", "assessment-measures").assertOk();

        assertThat(assessments.ranking(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 7, 1)))
                .filteredOn(row -> row.organizationId() == last.id()).singleElement()
                .satisfies(row -> assertThat(row.bureauMeasure()).isEqualTo(BottomMeasure.TALK));
    }
}
