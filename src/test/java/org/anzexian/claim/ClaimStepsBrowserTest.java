package org.anzexian.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.TasklistScript;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Every claim task after the acknowledgement, done in the Tasklist (#12): each embedded form shows the
 * accident and what the steps before it recorded (survey, documents as links, decision, amounts as ¥ with
 * two decimals) before it is filled, N6.5–N6.7. Screenshots: {@code target/screenshots/claim-*.png}.
 */
@Tag("browser")
@AnzexianTest
class ClaimStepsBrowserTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final String DESCRIPTION = "脚手架连墙件松脱，一名工人坠落受伤";
    private static final String REQUIRED = "索赔申请书；伤者诊断证明";
    /** A browser far from the business time zone (UTC-8 or -7, Shanghai is UTC+8). */
    private static final String BROWSER_ELSEWHERE = "America/Los_Angeles";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired Clock clock;

    @Test
    void surveyDocumentsReviewDecisionPaymentAndRecommendationsEachShowWhatCameBefore_N6_5_N6_7() throws IOException {
        TasklistScript.requireBrowser();
        InsuredProject insured = new InsuredProjects(context).insured();
        Party builder = insured.builder();
        Party insurer = insured.insurer();
        Map<String, Object> report = new HashMap<>();
        report.put("policyNumber", insured.policy().policyNumber());
        // the fixture's policy starts today: the accident is this very minute
        report.put("accidentAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("place", "3号楼外脚手架");
        report.put("accidentType", "FALL_FROM_HEIGHT");
        report.put("deaths", 0);
        report.put("injuries", 1);
        report.put("description", DESCRIPTION);
        report.put("reporterName", "赵报案");
        report.put("reporterPhone", "13700000000");
        JsonNode claim = http.withBasicAuth(builder.user(), builder.user())
                .postForEntity("/api/claims", report, JsonNode.class).getBody();
        long claimId = claim.get("id").asLong();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claimId), ClaimHandlingProcess.KEY).singleResult();
        DueJobs.run(engine, instance);
        assertThat(http.withBasicAuth(insurer.user(), insurer.user()).postForEntity("/api/claims/" + claimId
                + "/acknowledgement", Map.of("claimProcedure", "查勘、材料、核定、支付", "requiredDocuments", REQUIRED),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);
        TasklistScript tasklist = new TasklistScript(port);
        String project = insured.project().name();

        Map<String, String> survey = new LinkedHashMap<>();
        survey.put("查勘情况", "连墙件螺栓缺失三处");
        survey.put("事故原因", "连墙件未按方案设置");
        survey.put("估损金额（元）", "12345.5");
        complete(tasklist, insurer, instance, ClaimHandlingProcess.TASK_SURVEY, survey, "claim-survey",
                project, DESCRIPTION, "死亡 0 人，受伤 1 人", REQUIRED);

        Path pdf = ProjectFiles.ROOT.resolve("target/claim-诊断证明.pdf");
        Files.createDirectories(pdf.getParent());
        Files.write(pdf, ("%PDF-1.4 诊断证明 " + claimId).getBytes(StandardCharsets.UTF_8));
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("提交的材料说明", "伤者诊断证明");
        documents.put("材料文件 1", pdf.toString());
        complete(tasklist, builder, instance, ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS, documents, "claim-documents",
                project, DESCRIPTION, REQUIRED);

        complete(tasklist, insurer, instance, ClaimHandlingProcess.TASK_REVIEW_DOCUMENTS,
                Map.of("索赔材料齐全", "true"), "claim-documents-review",
                project, "施工单位提交：伤者诊断证明", "claim-诊断证明.pdf", "¥12,345.50", "连墙件未按方案设置");

        // two people, one row each (#12): the second row comes with the button
        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("予以赔付", "true");
        decision.put("收款人 1 姓名", "钱工人");
        decision.put("收款人 1 核定金额（元）", "12000");
        decision.put("@click", "添加收款人");
        decision.put("收款人 2 姓名", "孙工人");
        decision.put("收款人 2 核定金额（元）", "345.5");
        decision.put("理由或说明（不予赔付时必填）", "属保险责任");
        complete(tasklist, insurer, instance, ClaimHandlingProcess.TASK_DECIDE, decision, "claim-decision",
                project, "claim-诊断证明.pdf", "¥12,345.50", "每人限额 ¥1,000,000.00",
                "每人不超过 ¥1,000,000.00");

        // the directive's dates are the business time zone's, whatever the browser's; amounts ¥ with two decimals
        JsonNode decided = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/claims/" + claimId, JsonNode.class).getBody();
        assertThat(decided.get("payees")).extracting(payee -> payee.get("name").asText())
                .containsExactly("钱工人", "孙工人");
        assertThat(decided.get("agreedAmount").decimalValue()).isEqualByComparingTo("12345.50");
        Map<String, String> payment = new LinkedHashMap<>();
        payment.put("支付金额（元）", "12345.5");
        payment.put("支付日期", LocalDate.now(clock).toString());
        payment.put("支付凭证号", "PAY-" + claimId);
        // a browser 16 hours behind Shanghai: the times shown are still the business time zone's
        completeIn(BROWSER_ELSEWHERE, tasklist, insurer, instance, ClaimHandlingProcess.TASK_RECORD_PAYMENT, payment,
                "claim-payment", project, "予以赔付，核定赔款 ¥12,345.50", "钱工人 ¥12,000.00", "孙工人 ¥345.50",
                shanghai(decided.get("accidentAt")), shanghai(decided.get("acknowledgementDueAt")),
                shanghai(decided.get("paymentDueAt")));

        Map<String, String> recommendations = new LinkedHashMap<>();
        recommendations.put("风险管控建议（每行一条）", "每日检查连墙件");
        recommendations.put("安全培训建议（每行一条）", "脚手架搭设专项培训");
        complete(tasklist, insurer, instance, ClaimHandlingProcess.TASK_WRITE_RECOMMENDATIONS, recommendations,
                "claim-recommendations", project, "¥12,345.50，" + LocalDate.now(clock) + "，凭证号 PAY-" + claimId,
                "连墙件未按方案设置");

        JsonNode closed = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/claims/" + claimId, JsonNode.class).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("estimatedLoss").decimalValue()).isEqualByComparingTo("12345.5");
        assertThat(closed.get("paidAmount").decimalValue()).isEqualByComparingTo("12345.5");
        assertThat(closed.at("/documents/0/files")).hasSize(1);
    }

    /** A moment of the API as the forms show it: yyyy-MM-dd HH:mm in Asia/Shanghai (anzexian.time-zone). */
    private static String shanghai(JsonNode moment) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(OffsetDateTime.parse(moment.asText()).atZoneSameInstant(ZoneId.of("Asia/Shanghai")));
    }

    private void complete(TasklistScript tasklist, Party party, ProcessInstance instance, String taskKey,
            Map<String, String> fields, String shot, String... expected) {
        completeIn(null, tasklist, party, instance, taskKey, fields, shot, expected);
    }

    /** As {@link #complete}, in a browser of that time zone ({@code null}: the harness's, Asia/Shanghai). */
    private void completeIn(String timezone, TasklistScript tasklist, Party party, ProcessInstance instance,
            String taskKey, Map<String, String> fields, String shot, String... expected) {
        DueJobs.run(engine, instance);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
        String[] options = new String[expected.length * 2 + 2];
        for (int i = 0; i < expected.length; i++) {
            options[2 * i] = "--expect-text";
            options[2 * i + 1] = expected[i];
        }
        options[options.length - 2] = "--shot";
        options[options.length - 1] = shot;
        if (timezone != null) {
            options = java.util.stream.Stream.concat(java.util.Arrays.stream(options),
                    java.util.stream.Stream.of("--timezone", timezone)).toArray(String[]::new);
        }
        tasklist.complete(party.user(), party.user(), task.getId(), fields, options).assertOk();
        DueJobs.run(engine, instance);
    }
}
