package org.anzexian.filing.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import org.anzexian.support.PagedLists;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.insurer.InsurerFilingFixtures.Insurer;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The city bureau's review of an insurer filing done in the Tasklist by the demo user {@code city}, as
 * people do it: headless Chromium reads the filing in the review form (#12) and fills it; the engine, the filing and the public register
 * {@code GET /api/insurers} are the judges, so a form that submits nothing fails here.
 */
@Tag("browser")
@AnzexianTest
class InsurerFilingBrowserTest {

    private static final String CITY_USER = "city";
    private static final String DECISION = "审核结论";
    private static final String REASON = "理由（不予备案或要求补充材料时必填）";

    @LocalServerPort
    int port;

    @Autowired
    FileStore files;

    @Autowired
    ProcessEngine engine;
    @Autowired
    InsurerFilingService filings;
    @Autowired
    OrganizationService organizations;
    @Autowired
    GroupDirectory groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;

    Insurer insurer;
    InsurerFiling filing;

    @BeforeEach
    void aFilingThatPassedEveryCheck() {
        TasklistScript.requireBrowser();
        insurer = new InsurerFilingFixtures(organizations, groups, files).branch();
        filing = filings.submit(insurer.clerk(), InsurerFilingFixtures.passingData(insurer, LocalDate.now(clock)));
    }

    @Test
    void cityBureauApprovesAFilingInTheTasklistAndTheInsurerEntersTheRegister_N5_1_N4_1() {
        Task review = openTask(InsurerFilingProcess.TASK_REVIEW_FILING);
        assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(PlatformGroups.CITY_BUREAU));
        assertThat(registerEntry()).as("listed before the review").isNull();

        // #12: the bureau decides on the filing as a page, not on "备案号 4"
        JsonNode run = new TasklistScript(port)
                .complete(CITY_USER, CITY_USER, review.getId(), Map.of(DECISION, "准予备案"),
                        "--expect-text", insurer.organization().name(),
                        "--expect-text", filing.data().businessLicense().number(),
                        "--expect-text", filing.data().insuranceLicense().validUntil().toString(),
                        "--expect-text", "李娜",
                        "--expect-text", "查看保险许可证",
                        "--expect-text", "✔ 通过：经审计的财务报告及偿付能力达到要求",
                        "--shot", "insurer-filing-review")
                .assertOk();
        assertThat(run.path("filled")).extracting(JsonNode::asText).containsExactly(DECISION);
        executeJobs();

        InsurerFiling filed = filings.get(InsurerFilingFixtures.CITY, filing.id());
        assertThat(filed.status()).isEqualTo(FilingStatus.FILED);
        assertThat(filed.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).isEqualTo(CITY_USER);
            assertThat(decision.decision()).isEqualTo(FilingDecision.Decision.APPROVE);
        });
        JsonNode entry = registerEntry();
        assertThat(entry).as("listed after the review").isNotNull();
        assertThat(entry.path("filingNumber").asText()).matches("XZAZX-\\d{4}-\\d{4}").isEqualTo(filed.filingNumber());
        assertThat(entry.path("status").asText()).isEqualTo("FILED");
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(filing.processInstanceId()).singleResult();
        assertThat(instance.getEndTime()).as("process ended").isNotNull();
        assertThat(instance.getEndActivityId()).isEqualTo(InsurerFilingProcess.END_FILED);
    }

    @Test
    void anInsurerUserCannotOpenTheCityBureausReviewTask() {
        Task review = openTask(InsurerFilingProcess.TASK_REVIEW_FILING);
        String clerk = insurer.clerk().userId();

        TasklistScript.Run run = new TasklistScript(port).complete(clerk, clerk, review.getId(), Map.of(DECISION, "准予备案"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.result().path("error").asText()).contains("not found or not visible");
        assertThat(run.result().path("filled")).isEmpty();
        Task stillOpen = openTask(InsurerFilingProcess.TASK_REVIEW_FILING);
        assertThat(stillOpen.getId()).isEqualTo(review.getId());
        assertThat(stillOpen.getAssignee()).isNull();
        assertThat(filings.get(InsurerFilingFixtures.CITY, filing.id()).status()).isEqualTo(FilingStatus.IN_REVIEW);
        assertThat(registerEntry()).isNull();
    }

    @Test
    void cityBureauAsksForMoreInformationInTheTasklist() {
        Task review = openTask(InsurerFilingProcess.TASK_REVIEW_FILING);
        String reason = "请补充2023年度审计报告的偿付能力说明原件扫描件";

        new TasklistScript(port)
                .complete(CITY_USER, CITY_USER, review.getId(), Map.of(DECISION, "要求补充材料", REASON, reason))
                .assertOk();

        Task correction = openTask(InsurerFilingProcess.TASK_CORRECT_FILING);
        assertThat(engine.getTaskService().getIdentityLinksForTask(correction.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(insurer.groupId()));
        assertThat((String) engine.getTaskService().getVariable(correction.getId(), InsurerFilingProcess.VAR_CORRECTION_REASONS))
                .contains(reason);
        InsurerFiling returned = filings.get(insurer.clerk(), filing.id());
        assertThat(returned.status()).isEqualTo(FilingStatus.NEEDS_CORRECTION);
        assertThat(returned.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).isEqualTo(CITY_USER);
            assertThat(decision.decision()).isEqualTo(FilingDecision.Decision.MORE_INFO);
            assertThat(decision.reason()).isEqualTo(reason);
        });
        assertThat(registerEntry()).isNull();
    }

    /** The filing's one open task, which must be the given one. */
    private Task openTask(String taskDefinitionKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(filing.processInstanceId()).list();
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskDefinitionKey);
        return tasks.get(0);
    }

    /** The insurer's entry in {@code GET /api/insurers} as an insurer user sees it, or null when not listed. */
    private JsonNode registerEntry() {
        return StreamSupport.stream(PagedLists.all(http, "picc", "/api/insurers").spliterator(), false)
                .filter(entry -> entry.path("organizationId").asLong() == insurer.organization().id())
                .findFirst().orElse(null);
    }

    /** Runs the filing's due asynchronous continuations, as the job executor (off in tests) would. */
    private void executeJobs() {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(filing.processInstanceId())
                .messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
