package org.anzexian.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.Processes;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.TasklistScript;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue #12, journey 4, in the Tasklist only: the construction unit reports an accident more than 24 hours
 * late from the start form it uses on site (policy picked by number and project, a photo, the late
 * explanation the server then requires, N6.5); the start's notice shows the claim number; the insurer
 * opens the acknowledgement with the accident's facts on screen and acknowledges. The API only checks
 * the outcome. Screenshots: {@code target/screenshots/journey4-*.png}.
 */
@Tag("browser")
@AnzexianTest
class LateAccidentReportJourneyBrowserTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String DESCRIPTION = "塔吊吊运钢筋时吊索断裂，钢筋坠落砸伤两名工人";
    private static final String EXPLANATION = "伤员连夜送医抢救，项目负责人次日下午才报案";
    private static final String LATE = "迟报原因（超过 24 小时报案时必填）";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aLateAccidentReportWithItsExplanationIsAcknowledgedWithTheAccidentInView_N6_5() throws IOException {
        TasklistScript.requireBrowser();
        InsuredProject insured = new InsuredProjects(context).insured();
        Party builder = insured.builder();
        Party insurer = insured.insurer();
        // the policy starts today: three days on, an accident of 30 hours ago lies inside it and is late
        Processes.moveClock(Duration.ofDays(3));
        OffsetDateTime accidentAt = OffsetDateTime.now(clock).minusHours(30).atZoneSameInstant(clock.getZone())
                .toOffsetDateTime();
        Path photo = ProjectFiles.ROOT.resolve("target/journey4-site.jpg");
        Files.createDirectories(photo.getParent());
        Files.write(photo, ClaimHandlingContract.jpeg());
        String policy = insured.policy().policyNumber() + " · " + insured.project().code() + " "
                + insured.project().name();
        Map<String, String> report = new LinkedHashMap<>();
        report.put("保单（项目）", policy);
        report.put("事故发生时间", LOCAL_MINUTE.format(accidentAt));
        report.put("事故发生部位（现场位置）", "2号楼塔吊覆盖区");
        report.put("事故类型", "物体打击");
        report.put("死亡人数", "0");
        report.put("受伤人数", "2");
        report.put("事故经过", DESCRIPTION);
        report.put("现场照片 1", photo.toString());
        report.put("报案人", "王现场");
        report.put("联系电话", "13911112222");
        TasklistScript tasklist = new TasklistScript(port);

        // 1. without the explanation the start is refused, the field named in Chinese
        // reported on site, on a phone (#12): the form fits the screen, the photos come from the camera
        TasklistScript.Run refused = tasklist.start(builder.user(), builder.user(), ClaimHandlingProcess.KEY, report,
                "--shot", "journey4-1-late-report-refused", "--device", "phone");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.result().path("layout").path("windowWidth").asInt()).isEqualTo(375);
        assertThat(refused.result().path("layout").path("tooWide")).as("fields wider than the phone").isEmpty();
        assertThat(refused.result().path("layout").path("cameraInputs")).extracting(JsonNode::asText)
                .contains("photo1", "photo2", "photo3");
        assertThat(refused.result().path("shown").asText()).contains(LATE).contains("必须填写迟报原因");

        // 2. with it the claim is reported; the notice shows its number
        report.put(LATE, EXPLANATION);
        JsonNode started = tasklist.start(builder.user(), builder.user(), ClaimHandlingProcess.KEY, report,
                "--shot", "journey4-2-late-report").assertOk();
        long claimId = Long.parseLong(started.path("businessKey").asText());
        assertThat(started.path("notices").toString()).contains("编号 " + claimId);
        JsonNode claim = http.withBasicAuth(builder.user(), builder.user())
                .getForEntity("/api/claims/" + claimId, JsonNode.class).getBody();
        assertThat(claim.path("late").asBoolean()).isTrue();
        assertThat(claim.path("lateExplanation").asText()).isEqualTo(EXPLANATION);
        assertThat(claim.path("photos")).hasSize(1);
        assertThat(claim.path("reportedBy").asText()).isEqualTo(builder.user());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claimId), ClaimHandlingProcess.KEY).singleResult();
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), ClaimHandlingProcess.VAR_CASE_SUMMARY))
                .startsWith(insured.project().code()).contains("受伤 2 人").endsWith("迟报");
        DueJobs.run(engine, instance);

        // 3. the insurer sees the accident's facts in the acknowledgement task and acknowledges
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ClaimHandlingProcess.TASK_ACKNOWLEDGE);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("理赔流程", "报案受理后 48 小时内查勘现场，材料齐全后 30 日内核定");
        answer.put("索赔材料清单", "索赔申请书；两名伤者身份证明及劳动合同；医疗诊断证明及费用票据");
        tasklist.complete(insurer.user(), insurer.user(), task.getId(), answer,
                "--expect-text", "报案编号 " + claimId,
                "--expect-text", insured.project().name(),
                "--expect-text", insured.policy().policyNumber(),
                "--expect-text", builder.name(),
                "--expect-text", SHOWN_MINUTE.format(accidentAt),
                "--expect-text", EXPLANATION,
                "--expect-text", "死亡 0 人，受伤 2 人",
                "--expect-text", DESCRIPTION,
                "--expect-text", "¥10,000,000.00",
                "--shot", "journey4-3-acknowledge").assertOk();

        DueJobs.run(engine, instance);
        JsonNode acknowledged = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/claims/" + claimId, JsonNode.class).getBody();
        assertThat(acknowledged.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("requiredDocuments").asText()).contains("两名伤者身份证明");
        assertThat(acknowledged.path("acknowledgedBy").asText()).isEqualTo(insurer.user());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list())
                .extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder(ClaimHandlingProcess.TASK_SURVEY, ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS)
                .hasSize(2);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list())
                .allSatisfy(next -> assertThat(next.getDueDate()).isNotNull());
        // the photo the builder took on site opens for the insurer through the claim
        String sha256 = claim.path("photos").get(0).asText();
        assertThat(http.withBasicAuth(insurer.user(), insurer.user()).getForEntity("/api/files/" + sha256, byte[].class)
                .getBody()).isEqualTo(Files.readAllBytes(photo));
        assertThat(List.of(Path.of("target/screenshots/journey4-2-late-report.png"),
                Path.of("target/screenshots/journey4-3-acknowledge.png")))
                .allSatisfy(shot -> assertThat(ProjectFiles.ROOT.resolve(shot)).exists());
    }
}
