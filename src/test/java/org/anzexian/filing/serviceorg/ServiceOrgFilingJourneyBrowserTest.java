package org.anzexian.filing.serviceorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.FilingStatus;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12, the service organization's filing in the Tasklist only: a member files in the start dialog
 * with the quality-system document and an engagement proof uploaded, team and roster as rows; the check
 * N7.5 fails (four staff with five years, five needed); the member corrects the filing in the correction
 * task (prefilled, the failed check in view), adds the fifth person and a further proof, and resubmits;
 * the city bureau reads the filing in its review task — organization, qualification, documents, team,
 * roster, checks — and approves. The engine and the service only judge the outcome.
 * Screenshots: {@code target/screenshots/sorg-*.png}.
 */
@Tag("browser")
@AnzexianTest
class ServiceOrgFilingJourneyBrowserTest {

    private static final String CITY_USER = "city";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;
    @Autowired
    ServiceOrgFilingService filings;
    @Autowired
    OrganizationService organizations;
    @Autowired
    GroupDirectory groups;
    @Autowired
    FileStore files;
    @Autowired
    Clock clock;

    FiledServiceOrgs.ServiceOrg org;

    @BeforeEach
    void aServiceOrganizationThatHasNotFiledYet() {
        TasklistScript.requireBrowser();
        org = new FiledServiceOrgs(organizations, groups, files, filings, engine.getManagementService()).registered(null);
    }

    @Test
    void memberFilesWithUploadsFailsN7_5CorrectsInTheTaskAndTheCityApprovesAfterReadingIt_N7_12() throws IOException {
        LocalDate today = LocalDate.now(clock);
        String qualificationValidUntil = today.plusYears(3).toString();
        TasklistScript tasklist = new TasklistScript(port);

        // 0. a start with several problems is refused, each named in Chinese at once, and nothing is filed
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("团队成员 1 岗位", "技术负责人");
        broken.put("人员 1 姓名", "高工甲");
        broken.put("人员 1 注册证书", "注册安全工程师");
        JsonNode refused = tasklist.start(org.user(), org.user(), ServiceOrgFilingProcess.KEY, broken,
                "--shot", "sorg-0-refused-start").result();
        assertThat(refused.path("ok").asBoolean()).as(refused.toString()).isFalse();
        assertThat(refused.path("shown").asText()).contains("「负责人」", "「固定服务团队第 1 行 姓名」",
                "「人员名册第 1 行 证书编号」", "「人员名册第 1 行 从业年限」");
        assertThat(filings.list(new Actor(org.user(), Set.of(org.group())), null))
                .isEmpty();

        // 1. the start dialog: rows and pick-lists, date controls, documents uploaded; only four people of five years
        Map<String, String> start = new LinkedHashMap<>();
        start.put("负责人", "杨帆");
        start.put("联系电话", "0350-1234567");
        start.put("地址", "忻州市忻府区和平街 8 号");
        start.put("质量控制体系说明", "项目负责人、技术负责人、机构三级审核的质量控制体系");
        start.put("质量控制体系文件", document("quality-system", "质量控制体系"));
        start.put("监理资质等级", "乙级");
        start.put("资质证书编号", "JL-B-" + org.id());
        start.put("资质有效期至", qualificationValidUntil);
        start.put("服务经历 1 委托方", "中国人民财产保险股份有限公司忻州市分公司");
        start.put("服务经历 1 委托方类型", "保险机构");
        start.put("服务经历 1 开始日期", today.minusYears(1).toString());
        start.put("服务经历证明 1", document("engagement-1", "委托合同一"));
        start.put("本单位承诺近三年无执法处罚或不良行为记录", "true");
        start.put("团队成员 1 姓名", "高工甲");
        start.put("团队成员 1 岗位", "技术负责人");
        start.put("团队成员 2 姓名", "注册乙");
        start.put("团队成员 2 岗位", "项目负责人");
        start.put("团队成员 3 姓名", "员工丙");
        start.put("团队成员 3 岗位", "服务人员");
        person(start, 1, "高工甲", "高级工程师", "16", "注册安全工程师", "AQ-" + org.id());
        person(start, 2, "注册乙", "工程师", "11", "一级建造师", "JZ-" + org.id());
        person(start, 3, "注册丁", "工程师", "10", "注册监理工程师", "JL-" + org.id());
        person(start, 4, "员工丙", "助理工程师", "6", null, null);
        JsonNode started = tasklist.start(org.user(), org.user(), ServiceOrgFilingProcess.KEY, start,
                "--expect-text", "第三方技术服务机构资质备案", "--shot", "sorg-1-filing-start").assertOk();
        long filingId = Long.parseLong(started.path("businessKey").asText());

        ServiceOrgFiling filed = filings.require(filingId);
        assertThat(filed.status()).isEqualTo(FilingStatus.NEEDS_CORRECTION);
        assertThat(filed.organizationId()).isEqualTo(org.id());
        assertThat(filed.submittedBy()).isEqualTo(org.user());
        assertThat(filed.checks()).filteredOn(check -> !check.passed()).extracting(CheckResult::check)
                .containsExactly(EligibilityCheck.STAFF_TIERS);
        assertThat(filed.data().qualification().validUntil()).isEqualTo(today.plusYears(3));
        assertThat(files.find(filed.data().qualitySystemFile())).as("the quality-system document is stored").isPresent();
        assertThat(filed.data().evidenceFiles()).hasSize(1);
        assertThat(filed.data().staff()).hasSize(4);

        // 2. the correction task: prefilled, the failed check in view; a fifth person and a further proof
        Task correction = openTask(filingId, ServiceOrgFilingProcess.TASK_CORRECT_FILING);
        assertThat(correction.getDueDate()).as("due when the filing would lapse").isNotNull();
        Map<String, String> correct = new LinkedHashMap<>();
        correct.put("@click", "添加人员");
        person(correct, 5, "员工戊", "助理工程师", "5", null, null);
        correct.put("补充服务经历证明 1", document("engagement-2", "委托合同二"));
        correct.put("处理方式", "已补正，重新提交");
        tasklist.complete(org.user(), org.user(), correction.getId(), correct,
                "--expect-text", "✘ 未通过：专业技术人员配备", "--expect-text", org.name(),
                "--expect-text", "查看质量控制体系文件", "--shot", "sorg-2-correction").assertOk();

        ServiceOrgFiling corrected = filings.require(filingId);
        assertThat(corrected.status()).isEqualTo(FilingStatus.IN_REVIEW);
        assertThat(corrected.checkRound()).isEqualTo(2);
        assertThat(corrected.data().staff()).hasSize(5);
        assertThat(corrected.data().staff()).filteredOn(person -> person.name().equals("高工甲")).singleElement()
                .satisfies(person -> assertThat(person.certificates()).singleElement()
                        .satisfies(certificate -> assertThat(certificate.type()).isEqualTo("SAFETY_ENGINEER")));
        assertThat(corrected.data().qualitySystemFile()).as("kept, not uploaded again")
                .isEqualTo(filed.data().qualitySystemFile());
        assertThat(corrected.data().evidenceFiles()).hasSize(2).startsWith(filed.data().evidenceFiles().get(0));
        assertThat(corrected.data().qualification()).isEqualTo(filed.data().qualification());

        // 3. the city bureau reads the filing in its review task and approves
        Task review = openTask(filingId, ServiceOrgFilingProcess.TASK_REVIEW_FILING);
        tasklist.complete(CITY_USER, CITY_USER, review.getId(), Map.of("审核结论", "准予备案"),
                "--expect-text", org.name(),
                "--expect-text", org.creditCode(),
                "--expect-text", "乙级，证书 JL-B-" + org.id() + "，有效期至 " + qualificationValidUntil,
                "--expect-text", "查看质量控制体系文件",
                "--expect-text", "证明 2",
                "--expect-text", "注册安全工程师 AQ-" + org.id(),
                "--expect-text", "员工戊",
                "--expect-text", "✔ 通过：专业技术人员配备",
                "--shot", "sorg-3-city-review").assertOk();
        DueJobs.run(engine, engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(corrected.processInstanceId()).singleResult());

        ServiceOrgFiling approved = filings.require(filingId);
        assertThat(approved.status()).isEqualTo(FilingStatus.FILED);
        assertThat(approved.reviewedBy()).isEqualTo(CITY_USER);
        assertThat(filings.register()).extracting(RegisteredServiceOrg::filingId).contains(filingId);
    }

    /** One row of the roster, its certificate picked from the list when it has one. */
    private static void person(Map<String, String> fields, int row, String name, String title, String years,
            String certificate, String number) {
        fields.put("人员 " + row + " 姓名", name);
        fields.put("人员 " + row + " 职称", title);
        fields.put("人员 " + row + " 从业年限（年）", years);
        if (certificate != null) {
            fields.put("人员 " + row + " 注册证书", certificate);
            fields.put("人员 " + row + " 证书编号", number);
            fields.put("人员 " + row + " 证书有效期至", "2099-12-31");
        }
    }

    /** A PDF of its own on disk for the browser to upload. */
    private String document(String name, String text) throws IOException {
        Path file = ProjectFiles.ROOT.resolve("target/browser/sorg-" + org.id() + "-" + name + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, SampleFiles.pdf("sorg " + text + " " + org.id()));
        return file.toString();
    }

    private Task openTask(long filingId, String taskDefinitionKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery()
                .processInstanceId(filings.require(filingId).processInstanceId()).list();
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskDefinitionKey);
        return tasks.get(0);
    }
}
