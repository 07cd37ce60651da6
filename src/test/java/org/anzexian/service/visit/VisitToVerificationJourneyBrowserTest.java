package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.hazard.Hazard;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardStatus;
import org.anzexian.platform.files.FileStore;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue #12, journey 3, through the Tasklist only (the services only check outcomes): the construction
 * unit asks for an extra visit, picking its policy by number and project (N4.6); the service organization
 * records it ticking its registered team (N8.2) and reports it with the written report and two structured
 * hazards with photos (N8.4, N8.8); the construction unit rectifies one with photos, seeing the hazard's
 * photos (N8.9); the service organization verifies it with the hazard, the builder's description and its
 * photos on screen (N8.9). Screenshots of each step in target/screenshots/journey3-*.png.
 */
@Tag("browser")
@AnzexianTest
class VisitToVerificationJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine engine;

    @Autowired
    VisitService visits;

    @Autowired
    HazardService hazards;

    InsuredProjects insuredProjects;

    @BeforeEach
    void needsABrowser() {
        TasklistScript.requireBrowser();
        insuredProjects = new InsuredProjects(context);
    }

    @Test
    void aVisitIsRecordedAndReportedWithTwoHazardsOneRectifiedAndVerifiedWithTheEvidenceInView_N8_2_N8_8_N8_9()
            throws Exception {
        ServicedProject serviced = insuredProjects.serviced();
        TasklistScript tasklist = new TasklistScript(port);
        String builder = serviced.builder().user();
        String serviceOrg = serviced.serviceOrg().user();
        String project = serviced.project().code() + " " + serviced.project().name();

        // 1 the construction unit asks for an extra visit: the policy by number and project, no internal id
        Map<String, String> request = new LinkedHashMap<>();
        request.put("保单（保单号 · 项目）", serviced.policy().policyNumber() + " · " + project + "（忻府区，服务机构："
                + serviced.serviceOrg().name() + "）");
        request.put("申请原因", "塔吊基础附近出现裂缝，请加派服务");
        JsonNode started = tasklist.start(builder, builder, KEY, request, "--shot", "journey3-1-request-visit").assertOk();
        long visitId = Long.parseLong(started.path("businessKey").asText());
        // the Tasklist's notice then reads "编号 <visit>" (screenshot journey3-1-request-visit-started)
        Visit requested = visits.require(visitId);
        assertThat(requested.kind()).isEqualTo(VisitKind.EXTRA);
        assertThat(requested.policyId()).isEqualTo(serviced.policy().id());
        ProcessInstance visitInstance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(visitId), KEY).singleResult();
        assertThat(engine.getRuntimeService().getVariable(visitInstance.getId(), VAR_CASE_SUMMARY))
                .isEqualTo("忻府区 · " + project + " · 加派服务");

        // 2 the service organization records the visit, ticking the registered team members on site
        LocalDateTime left = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("服务结果", "已到场服务");
        record.put("到场时间", left.minusHours(2).toString());
        record.put("离场时间", left.toString());
        record.put("到场：" + InsuredProjects.PROJECT_LEAD + "（项目负责人）", "true");
        record.put("到场：" + InsuredProjects.SERVICE_STAFF.get(0) + "（服务人员）", "true");
        record.put("服务事项（每行一项）", "基坑支护检查\n脚手架检查");
        // recorded on site, on a phone (#12)
        JsonNode recorded = tasklist.complete(serviceOrg, serviceOrg, task(visitInstance, TASK_RECORD_VISIT).getId(),
                record, "--expect-text", serviced.project().name(), "--expect-text", serviced.project().siteAddress(),
                "--expect-text", "塔吊基础附近出现裂缝", "--shot", "journey3-2-record-visit", "--device", "phone")
                .assertOk();
        assertFitsAPhone(recorded);
        assertThat(visits.require(visitId).attendees())
                .containsExactly(InsuredProjects.PROJECT_LEAD, InsuredProjects.SERVICE_STAFF.get(0));

        // 3 … and reports it: the written report and two structured hazards with their photos
        byte[] report = SampleFiles.pdf("journey 3 report " + visitId);
        byte[] pit1 = SampleFiles.jpeg();
        byte[] pit2 = SampleFiles.png();
        byte[] scaffold = SampleFiles.jpeg();
        // fields in order, the button twice: a map cannot hold "@click" twice, so the options are spelled out
        List<String> upload = new java.util.ArrayList<>(List.of("--task-id",
                task(visitInstance, TASK_UPLOAD_REPORT).getId()));
        field(upload, "书面服务报告（PDF）", write("journey3-report-" + visitId + ".pdf", report).toString());
        field(upload, "@click", "添加隐患");
        field(upload, "隐患 1 严重程度", "重大隐患");
        field(upload, "隐患 1 类别", "基坑工程");
        field(upload, "隐患 1 部位", "北侧基坑");
        field(upload, "隐患 1 描述", "支护桩顶部开裂");
        field(upload, "隐患 1 整改措施", "停止开挖并加固支护");
        field(upload, "隐患 1 照片 1", write("journey3-pit-1-" + visitId + ".jpg", pit1).toString());
        field(upload, "隐患 1 照片 2", write("journey3-pit-2-" + visitId + ".png", pit2).toString());
        field(upload, "@click", "添加隐患");
        field(upload, "隐患 2 严重程度", "一般隐患");
        field(upload, "隐患 2 类别", "脚手架工程");
        field(upload, "隐患 2 部位", "3号楼外架");
        field(upload, "隐患 2 描述", "连墙件缺失");
        field(upload, "隐患 2 整改措施", "按方案补设连墙件");
        field(upload, "隐患 2 照片 1", write("journey3-scaffold-" + visitId + ".jpg", scaffold).toString());
        upload.addAll(List.of("--expect-text", serviced.project().name(), "--shot", "journey3-3-report-visit"));
        tasklist.run("complete", serviceOrg, serviceOrg, upload.toArray(String[]::new)).assertOk();
        DueJobs.run(engine, visitInstance);

        Visit reported = visits.require(visitId);
        assertThat(reported.reportFile()).isEqualTo(FileStore.sha256(report));
        assertThat(reported.hazards()).hasSize(2);
        VisitHazard pit = reported.hazards().get(0);
        assertThat(pit.severity()).isEqualTo(HazardSeverity.MAJOR);
        assertThat(pit.category()).isEqualTo(HazardCategory.FOUNDATION_PIT);
        assertThat(pit.photos()).containsExactly(FileStore.sha256(pit1), FileStore.sha256(pit2));
        VisitHazard scaffolding = reported.hazards().get(1);
        assertThat(scaffolding.severity()).isEqualTo(HazardSeverity.GENERAL);
        assertThat(scaffolding.photos()).containsExactly(FileStore.sha256(scaffold));
        long hazardId = scaffolding.hazardId();
        ProcessInstance hazardInstance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(hazardId), HazardRectificationProcess.KEY).singleResult();
        assertThat(engine.getRuntimeService().getVariable(hazardInstance.getId(), HazardRectificationProcess.VAR_CASE_SUMMARY))
                .isEqualTo("忻府区 · " + project + " · 一般隐患 · 3号楼外架");

        // 4 the construction unit rectifies the scaffolding hazard with photos, its photo in view
        byte[] after = SampleFiles.png();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("整改情况说明", "已按方案补设连墙件并复查架体");
        evidence.put("整改后照片 1（必传）", write("journey3-after-" + hazardId + ".png", after).toString());
        // rectified on site: the photo taken with the phone's camera
        JsonNode rectified = tasklist.complete(builder, builder, task(hazardInstance, HazardRectificationProcess.TASK_RECTIFY)
                .getId(), evidence, "--expect-text", "连墙件缺失", "--expect-text", "3号楼外架",
                "--expect-text", serviced.project().name(), "--shot", "journey3-4-rectify", "--device", "phone").assertOk();
        assertFitsAPhone(rectified);
        assertThat(rectified.path("layout").path("cameraInputs")).isNotEmpty();
        assertThat(hazards.require(hazardId).status()).isEqualTo(HazardStatus.SUBMITTED);

        // 5 the service organization verifies with the hazard, the builder's description and photos on screen
        tasklist.complete(serviceOrg, serviceOrg, task(hazardInstance, HazardRectificationProcess.TASK_VERIFY).getId(),
                Map.of("复核结论", "整改合格，销号"), "--expect-text", "连墙件缺失",
                "--expect-text", "已按方案补设连墙件并复查架体", "--expect-text", "整改后照片",
                "--expect-text", serviced.project().name(),
                "--shot", "journey3-5-verify").assertOk();
        DueJobs.run(engine, hazardInstance);

        Hazard closed = hazards.require(hazardId);
        assertThat(closed.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(serviceOrg);
        assertThat(closed.rounds().get(0).evidenceFiles()).containsExactly(FileStore.sha256(after));
        assertThat(hazards.require(pit.hazardId()).status()).as("the other hazard stays open")
                .isNotEqualTo(HazardStatus.CLOSED);
        for (String shot : List.of("journey3-1-request-visit", "journey3-2-record-visit", "journey3-3-report-visit",
                "journey3-4-rectify", "journey3-5-verify")) {
            assertThat(ProjectFiles.ROOT.resolve("target/screenshots/" + shot + ".png")).exists();
        }
    }

    /** The form filled at 375 px: no field wider than the phone's window (#12). */
    static void assertFitsAPhone(JsonNode run) {
        JsonNode layout = run.path("layout");
        assertThat(layout.path("windowWidth").asInt()).isEqualTo(375);
        assertThat(layout.path("formWidth").asInt()).isLessThanOrEqualTo(375);
        assertThat(layout.path("tooWide")).as("fields wider than the phone").isEmpty();
    }

    private Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static void field(List<String> options, String label, String value) {
        options.addAll(List.of("--field", label + "=" + value));
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = ProjectFiles.ROOT.resolve("target/browser/" + name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
