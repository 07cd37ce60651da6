package org.anzexian.claim;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.TasklistScript;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The insurer's claims team acknowledges an accident report in the Tasklist (N6.5): headless Chromium
 * checks that the embedded form {@code claimAcknowledge.html} shows the accident (project, parties,
 * accident time, casualties, description; #12) and fills it; the claim ({@code GET /api/claims/{id}}) and
 * the outbox are the judges, so a form that submits nothing or the wrong variables fails here.
 */
@Tag("browser")
@AnzexianTest
class ClaimAcknowledgeBrowserTest {

    /** Takes the fixture's and the claim's mails, so that no backlog of failing deliveries is left to later tests. */
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final String PROCEDURE = "理赔流程";
    private static final String DOCUMENTS = "索赔材料清单";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired NotificationService notifications;
    @Autowired Clock clock;

    /** One insured project for both tests (each fixture call adds a city-bureau reviewer to every later city mail). */
    private static InsuredProject shared;

    InsuredProjects insuredProjects;
    InsuredProject insured;
    Party insurer;
    long claimId;
    String reporterEmail;
    ProcessInstance instance;

    @BeforeEach
    void theConstructionUnitReportedAnAccident() {
        TasklistScript.requireBrowser();
        insuredProjects = new InsuredProjects(context);
        if (shared == null) {
            shared = insuredProjects.insured();
        }
        insured = shared;
        insurer = insured.insurer();
        reporterEmail = "reporter" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@site.anzexian.local";
        Map<String, Object> report = new HashMap<>();
        report.put("policyNumber", insured.policy().policyNumber());
        // the fixture's policy starts today: the accident is this very minute
        report.put("accidentAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("place", "1号楼基坑");
        report.put("accidentType", "COLLAPSE");
        report.put("deaths", 0);
        report.put("injuries", 1);
        report.put("description", "基坑局部坍塌，一名工人受伤");
        report.put("reporterName", "赵报案");
        report.put("reporterPhone", "13700000000");
        report.put("reporterEmail", reporterEmail);
        Party builder = insured.builder();
        ResponseEntity<JsonNode> response = http.withBasicAuth(builder.user(), builder.user())
                .postForEntity("/api/claims", report, JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        claimId = response.getBody().get("id").asLong();
        instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claimId), ClaimHandlingProcess.KEY).singleResult();
        DueJobs.run(engine, instance);
    }

    @Test
    void insurerAcknowledgesTheClaimInTheTasklistAndTheReporterGetsTheProcedureAndDocumentList_N6_5() {
        Task task = openTask();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(PROCEDURE, "报案受理后 24 小时内查勘现场，材料齐全后 30 日内核定 " + claimId);
        fields.put(DOCUMENTS, "索赔申请书；伤者身份证明；医疗费用票据");

        JsonNode run = new TasklistScript(port).complete(insurer.user(), insurer.user(), task.getId(), fields,
                "--expect-text", "报案编号 " + claimId,
                "--expect-text", insured.project().code() + " " + insured.project().name(),
                "--expect-text", insured.policy().policyNumber(),
                "--expect-text", insured.builder().name(),
                "--expect-text", insurer.name(),
                "--expect-text", "1号楼基坑",
                "--expect-text", "死亡 0 人，受伤 1 人",
                "--expect-text", "基坑局部坍塌，一名工人受伤",
                "--expect-text", "施工单位报案",
                "--shot", "claim-acknowledge").assertOk();
        assertThat(run.path("filled")).extracting(JsonNode::asText).containsExactlyElementsOf(fields.keySet());
        DueJobs.run(engine, instance);

        JsonNode claim = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/claims/" + claimId, JsonNode.class).getBody();
        assertThat(claim.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(claim.get("claimProcedure").asText()).isEqualTo(fields.get(PROCEDURE));
        assertThat(claim.get("requiredDocuments").asText()).isEqualTo(fields.get(DOCUMENTS));
        assertThat(claim.get("acknowledgedBy").asText()).isEqualTo(insurer.user());
        List<NoticeDelivery> mails = notifications.list(new NoticeFilter(null, NoticeTemplates.CLAIM_ACKNOWLEDGED,
                "claim:" + claimId, null), 0, 100).items();
        assertThat(mails).extracting(NoticeDelivery::recipient)
                .contains(reporterEmail, insured.builder().email());
        assertThat(mails.get(0).body()).contains(fields.get(PROCEDURE)).contains("医疗费用票据");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list())
                .extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder(ClaimHandlingProcess.TASK_SURVEY, ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS);
    }

    @Test
    void anotherInsurerCannotOpenTheAcknowledgementTask() {
        Task task = openTask();
        Party other = insuredProjects.party(OrganizationType.INSURER, InsuredProjects.COUNTY);

        TasklistScript.Run run = new TasklistScript(port).complete(other.user(), other.user(), task.getId(),
                Map.of(PROCEDURE, "不应提交"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.result().path("error").asText()).contains("not found or not visible");
        assertThat(openTask().getId()).isEqualTo(task.getId());
        JsonNode claim = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/claims/" + claimId, JsonNode.class).getBody();
        assertThat(claim.get("status").asText()).isEqualTo("REPORTED");
    }

    private Task openTask() {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(ClaimHandlingProcess.TASK_ACKNOWLEDGE);
        return tasks.get(0);
    }
}
