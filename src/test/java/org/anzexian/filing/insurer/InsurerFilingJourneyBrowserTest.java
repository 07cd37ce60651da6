package org.anzexian.filing.insurer;

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
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.insurer.InsurerFilingFixtures.Insurer;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12, journey 2, in the Tasklist only: an insurer's clerk files with uploaded licences and
 * proofs, the automatic check N3.4 fails (a project lead with two years), the clerk corrects the
 * filing in the correction task (prefilled, the failure in view) with a new proof and resubmits; the
 * city bureau reads the filing in its review task — organization, licences with their dates, people,
 * documents, the checks — and approves (N5.1, N4.1). The engine and the service only judge the outcome.
 * Screenshots: {@code target/screenshots/journey2-*.png}.
 */
@Tag("browser")
@AnzexianTest
class InsurerFilingJourneyBrowserTest {

    private static final String CITY_USER = "city";

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
    Clock clock;

    Insurer insurer;

    @BeforeEach
    void aBranchThatHasNotFiledYet() {
        TasklistScript.requireBrowser();
        insurer = new InsurerFilingFixtures(organizations, groups, files).branch();
    }

    @Test
    void insurerFilesFailsACheckCorrectsInTheTaskAndTheCityApprovesAfterReadingTheFiling_N3_4_N5_1() throws IOException {
        String clerk = insurer.clerk().userId();
        LocalDate today = LocalDate.now(clock);
        String licenseValidUntil = today.plusYears(2).toString();
        String businessLicence = "BL" + insurer.organization().id();
        TasklistScript tasklist = new TasklistScript(port);

        // 1. the clerk files in the start dialog, every document uploaded; the lead has two years (N3.4 asks more)
        Map<String, String> start = new LinkedHashMap<>();
        start.put("总公司名称", insurer.parent().name());
        start.put("总公司统一社会信用代码", insurer.parent().creditCode());
        start.put("总公司授权书", document("authorization", "总公司授权书"));
        start.put("营业执照编号", businessLicence);
        start.put("营业执照有效期至", licenseValidUntil);
        start.put("营业执照扫描件", document("business-licence", "营业执照"));
        start.put("保险许可证编号", "IL" + insurer.organization().id());
        start.put("保险许可证有效期至", licenseValidUntil);
        start.put("保险许可证扫描件", document("insurance-licence", "保险许可证"));
        start.put("负责人", "刘洋");
        start.put("负责人电话", "0350-1234567");
        start.put("审计年度", "2023");
        start.put("审计机构", "忻州正信会计师事务所");
        start.put("综合偿付能力充足率（%）", "185.3");
        start.put("核心偿付能力充足率（%）", "120");
        start.put("附偿付能力说明", "true");
        start.put("审计报告文件", document("audit", "审计报告"));
        start.put("项目负责人 1 姓名", "王强");
        start.put("项目负责人 1 工作年限（年）", "2");
        start.put("项目负责人 1 年限证明类型", "社保缴纳记录");
        start.put("项目负责人 1 年限证明文件", document("lead-proof-1", "社保缴纳记录 2 年"));
        start.put("管理团队成员 1 姓名", "张伟");
        start.put("管理团队成员 1 职务", "安责险业务部经理");
        // #12: as many team members as the insurer has, each a row of its own
        start.put("@click", "添加管理团队成员");
        start.put("管理团队成员 2 姓名", "孙丽");
        start.put("管理团队成员 2 职务", "风险管理岗");
        start.put("管理团队成员 2 电话", "13800000003");
        start.put("24小时理赔服务电话", "0350-95518");
        start.put("理赔人员 1 姓名", "赵敏");
        start.put("理赔人员 1 职务", "理赔专员");
        start.put("承保理赔服务方案", "接报案后24小时内查勘");
        start.put("保险方案", "建筑施工安全生产责任保险方案");
        start.put("保险条款文件", document("terms", "保险条款"));
        start.put("事故预防服务方案", "每月一次事故预防服务");
        start.put("对服务机构的考核办法", "按季度考核服务机构，末位约谈");
        start.put("承保件数", "500");
        start.put("理赔件数", "120");
        start.put("事故预防服务次数", "300");
        JsonNode started = tasklist.start(clerk, clerk, InsurerFilingProcess.KEY, start,
                "--expect-text", "提交展业告知备案", "--shot", "journey2-1-filing-start").assertOk();
        long filingId = Long.parseLong(started.path("businessKey").asText());

        InsurerFiling filed = filings.get(insurer.clerk(), filingId);
        assertThat(filed.status()).isEqualTo(FilingStatus.NEEDS_CORRECTION);
        assertThat(filed.submittedBy()).isEqualTo(clerk);
        assertThat(filed.checks()).filteredOn(check -> !check.passed()).extracting(CheckResult::check)
                .containsExactly(FilingCheck.PROJECT_LEADS_EXPERIENCED);
        assertThat(files.find(filed.data().businessLicense().scanHash())).as("the licence scan is stored").isPresent();
        assertThat(engine.getRuntimeService().getVariable(filed.processInstanceId(), InsurerFilingProcess.VAR_CASE_SUMMARY))
                .isEqualTo(insurer.organization().name() + " · 保险机构展业告知备案");
        assertThat(filed.data().managementTeam()).extracting(member -> member.name() + "/" + member.phone())
                .containsExactly("张伟/null", "孙丽/13800000003");
        String firstProof = filed.data().projectLeads().get(0).proofHash();

        // 2. the correction task shows why, prefilled; the clerk changes the years, uploads a new proof and
        // adds a second lead with a proof of its own
        Task correction = openTask(filed, InsurerFilingProcess.TASK_CORRECT_FILING);
        assertThat(correction.getDueDate()).as("due when the filing would lapse").isNotNull();
        Map<String, String> correct = new LinkedHashMap<>();
        correct.put("补正后处理", "重新提交");
        correct.put("项目负责人 1 工作年限（年）", "8");
        correct.put("项目负责人 1 年限证明文件", document("lead-proof-2", "社保缴纳记录 8 年"));
        correct.put("@click", "添加项目负责人");
        correct.put("项目负责人 2 姓名", "李娜");
        correct.put("项目负责人 2 工作年限（年）", "12");
        correct.put("项目负责人 2 年限证明类型", "学历证书");
        String secondLeadProof = document("lead-proof-3", "学历证书 李娜");
        correct.put("项目负责人 2 年限证明文件", secondLeadProof);
        tasklist.complete(clerk, clerk, correction.getId(), correct,
                "--expect-text", "项目负责人工作年限不足", "--expect-text", insurer.organization().name(),
                "--expect-text", "✘ 未通过", "--expect-text", "删除管理团队成员 2",
                "--shot", "journey2-2-correction").assertOk();

        InsurerFiling corrected = filings.get(insurer.clerk(), filingId);
        assertThat(corrected.status()).isEqualTo(FilingStatus.IN_REVIEW);
        assertThat(corrected.round()).isEqualTo(2);
        assertThat(corrected.checks()).allMatch(CheckResult::passed);
        assertThat(corrected.data().projectLeads()).hasSize(2);
        assertThat(corrected.data().projectLeads().get(0)).satisfies(lead -> {
            assertThat(lead.yearsOfWork()).isEqualTo(8);
            assertThat(lead.proofHash()).isNotEqualTo(firstProof);
        });
        assertThat(corrected.data().projectLeads().get(1)).satisfies(lead -> {
            assertThat(lead.name()).isEqualTo("李娜");
            assertThat(lead.proofType()).isEqualTo(InsurerFilingData.ProofType.DIPLOMA);
            assertThat(lead.proofHash()).isEqualTo(FileStore.sha256(Files.readAllBytes(Path.of(secondLeadProof))));
        });
        assertThat(corrected.data().managementTeam()).as("the prefilled rows came back as they were")
                .isEqualTo(filed.data().managementTeam());
        assertThat(corrected.data().businessLicense()).isEqualTo(filed.data().businessLicense());
        assertThat(corrected.data().principal()).isEqualTo(filed.data().principal());

        // 3. the city bureau reads the filing in its review task and approves
        Task review = openTask(corrected, InsurerFilingProcess.TASK_REVIEW_FILING);
        assertThat(review.getDueDate()).isNotNull();
        tasklist.complete(CITY_USER, CITY_USER, review.getId(), Map.of("审核结论", "准予备案"),
                "--expect-text", insurer.organization().name(),
                "--expect-text", insurer.organization().creditCode(),
                "--expect-text", insurer.parent().name(),
                "--expect-text", businessLicence,
                "--expect-text", licenseValidUntil,
                "--expect-text", "查看营业执照",
                "--expect-text", "王强",
                "--expect-text", "工作 8 年",
                "--expect-text", "李娜",
                "--expect-text", "忻州正信会计师事务所",
                "--expect-text", "✔ 通过：项目负责人工作年限达到要求",
                "--shot", "journey2-3-city-review").assertOk();
        executeJobs(corrected.processInstanceId());

        InsurerFiling approved = filings.get(InsurerFilingFixtures.CITY, filingId);
        assertThat(approved.status()).isEqualTo(FilingStatus.FILED);
        assertThat(approved.filingNumber()).matches("XZAZX-\\d{4}-\\d{4}");
        assertThat(approved.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).isEqualTo(CITY_USER);
            assertThat(decision.decision()).isEqualTo(FilingDecision.Decision.APPROVE);
        });
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(approved.processInstanceId()).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo(InsurerFilingProcess.END_FILED);
    }

    /** A PDF of its own on disk for the browser to upload. */
    private String document(String name, String text) throws IOException {
        Path file = ProjectFiles.ROOT.resolve("target/browser/journey2-" + insurer.organization().id() + "-" + name + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, SampleFiles.pdf("journey 2 " + name + " " + insurer.organization().id()));
        return file.toString();
    }

    private Task openTask(InsurerFiling filing, String taskDefinitionKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(filing.processInstanceId()).list();
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskDefinitionKey);
        return tasks.get(0);
    }

    private void executeJobs(String processInstanceId) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
