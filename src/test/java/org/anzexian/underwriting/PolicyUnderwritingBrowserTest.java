package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;
import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.support.AnzexianTest;
import org.anzexian.platform.files.FileStore;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The quotation letter (N4.4) and the application (N6.1) done in the Tasklist, as people do them:
 * headless Chromium fills the embedded forms as the insurer's clerk and then as the construction unit's
 * user, who uploads its documents (#12); the quotation (service and {@code GET /api/quotations/{id}}) and the engine are the judges, so a
 * form that submits nothing, or submits the wrong variables, fails here.
 */
@Tag("browser")
@AnzexianTest
class PolicyUnderwritingBrowserTest extends UnderwritingFixtures {

    private static final String DECISION = "结论";
    private static final String PLAN = "保险方案";
    private static final String RATE = "保险费率";
    private static final String RATE_UNIT = "费率单位";
    private static final String PER_PERSON_LIMIT = "每人伤亡（死亡/伤残）责任限额（元）";
    private static final String TOTAL_LIMIT = "累计责任限额（元）";
    private static final String PREVENTION_PLAN = "事故预防服务方案";
    private static final String PREVENTION_FEE = "事故预防服务费用占保费比例（%）";
    static final String CONTRACT = "施工合同（必传）";
    static final String BID_AWARD = "中标通知书（如有）";
    static final String APPLICATION_FORM = "加盖公章的投保单（必传）";
    static final String ENTERPRISE_DOCUMENT_1 = "企业资料 1（必传）";
    static final String ENTERPRISE_DOCUMENT_2 = "企业资料 2";

    @LocalServerPort
    int port;

    Quotation requested;
    ProcessInstance instance;

    @BeforeEach
    void theBuilderAskedTheFiledInsurerForAQuotation() {
        // the fixtures' @BeforeEach (superclass) made a filed insurer, a builder and its project
        TasklistScript.requireBrowser();
        requested = underwriting.requestQuotations(builder.user(),
                new NewQuotationRequest(project.id(), List.of(insurer.organization().id()))).quotations().get(0);
        instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(requested.id()), KEY).singleResult();
    }

    @Test
    void insurerIssuesAQuotationLetterAndTheBuilderAcceptsItInTheTasklist_N4_4_N6_1() {
        Task letterTask = openTask(TASK_ISSUE_QUOTATION);
        assertThat(candidateGroups(letterTask)).containsExactly(insurer.organization().groupId());
        assertThat(underwriting.get(builder.user(), requested.id()).status()).isEqualTo(QuotationStatus.REQUESTED);
        String clerk = insurer.clerk().userId();
        String plan = "主险：建筑施工安全生产责任保险 " + UnderwritingFixtures.suffix();
        Map<String, String> letter = new LinkedHashMap<>();
        letter.put(DECISION, "出具报价函");
        letter.put(PLAN, plan);
        // 0.125 % = 1.25 ‰: the unit select must reach the engine for the premium to come out right
        letter.put(RATE, "0.125");
        letter.put(RATE_UNIT, "%（百分比）");
        letter.put(PER_PERSON_LIMIT, "1000000");
        letter.put(TOTAL_LIMIT, "10000000");
        letter.put(PREVENTION_PLAN, "每月一次现场隐患排查，每季度一次安全培训");
        letter.put(PREVENTION_FEE, "20");

        // the project and the builder asking are on screen (#12)
        JsonNode issuing = new TasklistScript(port).complete(clerk, clerk, letterTask.getId(), letter,
                "--expect-text", project.name(), "--expect-text", project.code(), "--expect-text", "忻府区",
                "--expect-text", builder.organization().name(), "--expect-text", "¥12,000,000.00").assertOk();
        assertThat(issuing.path("filled")).extracting(JsonNode::asText).containsExactlyElementsOf(letter.keySet());
        executeJobs();

        Quotation issued = underwriting.get(builder.user(), requested.id());
        assertThat(issued.status()).isEqualTo(QuotationStatus.ISSUED);
        assertThat(issued.insurancePlan()).isEqualTo(plan);
        assertThat(issued.premiumRatePermille()).isEqualByComparingTo("1.25");
        // contract amount × rate = 12,000,000.00 × 1.25 ‰, computed by the system, typed by nobody
        assertThat(project.constructionContract().amount()).isEqualByComparingTo("12000000.00");
        assertThat(issued.premium()).isEqualByComparingTo("15000.00");
        assertThat(issued.deathDisabilityLimit()).isEqualByComparingTo("1000000");
        assertThat(issued.totalLimit()).isEqualByComparingTo("10000000");
        assertThat(issued.preventionPlan()).isEqualTo("每月一次现场隐患排查，每季度一次安全培训");
        assertThat(issued.preventionFeePercent()).isEqualByComparingTo("20");
        assertThat(issued.issuedAt()).isNotNull();
        JsonNode seenByBuilder = quotationAsSeenBy(builder.user().userId());
        assertThat(seenByBuilder.path("status").asText()).isEqualTo("ISSUED");
        assertThat(seenByBuilder.path("premium").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(completedBy(letterTask)).isEqualTo(clerk);

        Task applyTask = openTask(TASK_APPLY);
        assertThat(candidateGroups(applyTask)).containsExactly(builder.organization().groupId());
        Path contract = pdfFile("construction contract");
        Path bidAward = pdfFile("bid award notice");
        Path stampedForm = pdfFile("stamped application form");
        Path license = pdfFile("business license");
        Path safetyLead = pdfFile("safety lead appointment");
        String applicant = builder.user().userId();
        Map<String, String> application = new LinkedHashMap<>();
        application.put(DECISION, "接受本报价并投保");
        application.put(CONTRACT, contract.toString());
        application.put(BID_AWARD, bidAward.toString());
        application.put(APPLICATION_FORM, stampedForm.toString());
        application.put(ENTERPRISE_DOCUMENT_1, license.toString());
        application.put(ENTERPRISE_DOCUMENT_2, safetyLead.toString());

        // the letter being accepted is on screen (#12): insurer, premium in ¥ with two decimals, limits
        JsonNode applying = new TasklistScript(port).complete(applicant, applicant, applyTask.getId(), application,
                "--expect-text", insurer.organization().name(), "--expect-text", "¥15,000.00",
                "--expect-text", "¥1,000,000.00", "--expect-text", project.code()).assertOk();
        assertThat(applying.path("filled")).extracting(JsonNode::asText).containsExactlyElementsOf(application.keySet());
        executeJobs();
        String contractHash = sha256(contract);
        String bidAwardHash = sha256(bidAward);
        String formHash = sha256(stampedForm);
        String licenseHash = sha256(license);
        String safetyLeadHash = sha256(safetyLead);

        Quotation applied = underwriting.get(insurer.clerk(), requested.id());
        assertThat(applied.status()).isEqualTo(QuotationStatus.APPLIED);
        assertThat(applied.contractHash()).isEqualTo(contractHash);
        assertThat(applied.bidAwardHash()).isEqualTo(bidAwardHash);
        assertThat(applied.applicationFormHash()).isEqualTo(formHash);
        assertThat(applied.enterpriseHashes()).containsExactly(licenseHash, safetyLeadHash);
        assertThat(applied.appliedAt()).isNotNull();
        assertThat(applied.premium()).as("the letter stands as issued").isEqualByComparingTo("15000.00");
        assertThat(completedBy(applyTask)).isEqualTo(applicant);
        Task review = openTask(TASK_REVIEW_APPLICATION);
        assertThat(candidateGroups(review)).containsExactly(insurer.organization().groupId());
    }

    @Test
    void anotherInsurerCannotOpenTheQuotationTask() {
        Task letterTask = openTask(TASK_ISSUE_QUOTATION);
        String otherClerk = insurers.filed().clerk().userId();

        TasklistScript.Run run = new TasklistScript(port)
                .complete(otherClerk, otherClerk, letterTask.getId(), Map.of(DECISION, "拒绝报价"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.result().path("error").asText()).contains("not found or not visible");
        assertThat(run.result().path("filled")).isEmpty();
        Task stillOpen = openTask(TASK_ISSUE_QUOTATION);
        assertThat(stillOpen.getId()).isEqualTo(letterTask.getId());
        assertThat(stillOpen.getAssignee()).isNull();
        Quotation untouched = underwriting.get(insurer.clerk(), requested.id());
        assertThat(untouched.status()).isEqualTo(QuotationStatus.REQUESTED);
        assertThat(untouched.premium()).isNull();
    }

    /** A small PDF on disk for the browser to upload. */
    static Path pdfFile(String text) {
        try {
            Path folder = Files.createDirectories(ProjectFiles.ROOT.resolve("target/browser-uploads"));
            Path file = folder.resolve(text.replace(' ', '-') + "-" + UnderwritingFixtures.suffix() + ".pdf");
            return Files.write(file, SampleFiles.pdf(text + " " + UnderwritingFixtures.suffix()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return FileStore.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quotation's one open task, which must be the given one. */
    private Task openTask(String taskDefinitionKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskDefinitionKey);
        return tasks.get(0);
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    /** Who completed the task: the Tasklist claims before completing, so the assignee. */
    private String completedBy(Task task) {
        HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId())
                .singleResult();
        assertThat(done.getEndTime()).as("task %s completed", task.getTaskDefinitionKey()).isNotNull();
        return done.getAssignee();
    }

    private JsonNode quotationAsSeenBy(String user) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user)
                .getForEntity("/api/quotations/" + requested.id(), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Runs the quotation's due asynchronous continuations, as the job executor (off in tests) would. */
    private void executeJobs() {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
