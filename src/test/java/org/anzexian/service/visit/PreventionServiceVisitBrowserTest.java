package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;
import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardSeverity;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A prevention visit done in the Tasklist as the service organization's staff do it (N8.2, N8.4, N8.8):
 * headless Chromium ticks the registered team members on the embedded visit-record form (which shows the
 * project, its site and the team, #12), then adds a structured hazard row with its photo on the report
 * form; the visit's record, the file store and the hazard it raised are the judges.
 */
@Tag("browser")
@AnzexianTest
class PreventionServiceVisitBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine engine;

    @Autowired
    VisitService visits;

    InsuredProjects insuredProjects;

    @BeforeEach
    void needsABrowser() {
        TasklistScript.requireBrowser();
        insuredProjects = new InsuredProjects(context);
    }

    @Test
    void theServiceOrgRecordsTheVisitAndUploadsItsReportWithAHazardInTheTasklist_N8_2_N8_8() throws Exception {
        ServicedProject serviced = insuredProjects.serviced();
        Visit visit = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id()).get(0);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(visit.id()), KEY).singleResult();
        String user = serviced.serviceOrg().user();
        LocalDateTime left = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("服务结果", "已到场服务");
        record.put("到场时间", left.minusHours(2).toString());
        record.put("离场时间", left.toString());
        record.put("到场：" + InsuredProjects.PROJECT_LEAD + "（项目负责人）", "true");
        record.put("到场：" + InsuredProjects.SERVICE_STAFF.get(0) + "（服务人员）", "true");
        record.put("服务事项（每行一项）", "脚手架检查\n临时用电检查");

        // the task shows the project, its site and the registered team (#12)
        new TasklistScript(port).complete(user, user, task(instance, TASK_RECORD_VISIT).getId(), record,
                "--expect-text", serviced.project().name(), "--expect-text", serviced.project().siteAddress(),
                "--expect-text", InsuredProjects.SERVICE_STAFF.get(1)).assertOk();

        Visit recorded = visits.require(visit.id());
        assertThat(recorded.attendees()).containsExactly(InsuredProjects.PROJECT_LEAD, InsuredProjects.SERVICE_STAFF.get(0));
        assertThat(recorded.serviceItems()).containsExactly("脚手架检查", "临时用电检查");
        assertThat(recorded.recordedBy()).isEqualTo(user);

        byte[] report = SampleFiles.pdf("visit report " + visit.id());
        byte[] photo = SampleFiles.jpeg();
        byte[] dropped = SampleFiles.png();
        byte[] lastPhoto = SampleFiles.png();
        Path reportFile = write("visit-" + visit.id() + "-report.pdf", report);
        // more hazards than the six fixed rows the form used to have (#12): eight rows, the third removed again
        List<String> upload = new ArrayList<>(List.of("--task-id", task(instance, TASK_UPLOAD_REPORT).getId()));
        field(upload, "书面服务报告（PDF）", reportFile.toString());
        for (int row = 1; row <= 8; row++) {
            field(upload, "@click", "添加隐患");
            field(upload, "隐患 " + row + " 严重程度", row == 8 ? "重大隐患" : "一般隐患");
            field(upload, "隐患 " + row + " 类别", "脚手架工程");
            field(upload, "隐患 " + row + " 部位", row + "号楼外架");
            field(upload, "隐患 " + row + " 描述", "连墙件缺失 " + row);
            field(upload, "隐患 " + row + " 整改措施", "补设连墙件");
        }
        field(upload, "隐患 1 照片 1", write("visit-" + visit.id() + "-photo.jpg", photo).toString());
        field(upload, "隐患 3 照片 1", write("visit-" + visit.id() + "-dropped.png", dropped).toString());
        field(upload, "隐患 8 照片 2", write("visit-" + visit.id() + "-last.png", lastPhoto).toString());
        field(upload, "@click", "删除隐患 3");
        upload.addAll(List.of("--expect-text", serviced.project().name(), "--shot", "visit-report-seven-hazards"));

        new TasklistScript(port).run("complete", user, user, upload.toArray(String[]::new)).assertOk();
        DueJobs.run(engine, instance);

        Visit reported = visits.require(visit.id());
        assertThat(reported.reportFile()).isEqualTo(FileStore.sha256(report));
        assertThat(reported.reportUploadedBy()).isEqualTo(user);
        assertThat(reported.hazards()).extracting(VisitHazard::description).containsExactly(
                "连墙件缺失 1", "连墙件缺失 2", "连墙件缺失 4", "连墙件缺失 5", "连墙件缺失 6", "连墙件缺失 7", "连墙件缺失 8");
        assertThat(reported.hazards().get(0)).satisfies(hazard -> {
            assertThat(hazard.severity()).isEqualTo(HazardSeverity.GENERAL);
            assertThat(hazard.category()).isEqualTo(HazardCategory.SCAFFOLDING);
            assertThat(hazard.photos()).containsExactly(FileStore.sha256(photo));
            assertThat(hazard.hazardId()).isNotNull();
        });
        assertThat(reported.hazards().get(6)).satisfies(hazard -> {
            assertThat(hazard.severity()).isEqualTo(HazardSeverity.MAJOR);
            assertThat(hazard.photos()).as("the photo moved with its row").containsExactly(FileStore.sha256(lastPhoto));
        });
        assertThat(reported.hazards()).flatExtracting(VisitHazard::photos).doesNotContain(FileStore.sha256(dropped));
        for (VisitHazard hazard : reported.hazards()) {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hazardRectification")
                    .processInstanceBusinessKey(String.valueOf(hazard.hazardId())).count()).isOne();
        }
    }

    private static void field(List<String> options, String label, String value) {
        options.addAll(List.of("--field", label + "=" + value));
    }

    private Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = ProjectFiles.ROOT.resolve("target/browser/" + name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
