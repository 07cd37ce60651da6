package org.anzexian.filing.insurer;

import org.anzexian.filing.FilingStatus;
import org.anzexian.support.PagedLists;
import org.anzexian.support.Processes;
import org.anzexian.support.TaskDeadlines;
import org.anzexian.filing.FilingProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anzexian.support.TestSmtp;
import org.anzexian.platform.files.FileStore;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingFixtures.Insurer;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.registry.organization.OrganizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The insurerFiling process end to end: review outcomes, correction loop, timers, register, gate, suspension. */
abstract class InsurerFilingProcessContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ProcessEngine engine;
    @Autowired
    InsurerFilingService filings;
    @Autowired
    LicenseChangeService licenseChanges;
    @Autowired
    InsurerGate gate;
    @Autowired
    CreditListService creditLists;
    @Autowired
    NotificationService notifications;
    @Autowired
    OrganizationService organizations;

    @Autowired
    FileStore files;
    @Autowired
    GroupDirectory groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;
    @Autowired
    FilingProperties settings;

    InsurerFilingFixtures fixtures;
    Insurer insurer;
    String reviewer;

    @BeforeEach
    void anInsurerAndAReviewer() {
        BpmnAwareTests.init(engine);
        fixtures = new InsurerFilingFixtures(organizations, groups, files);
        insurer = fixtures.branch();
        reviewer = "freviewer" + insurer.organization().id();
        groups.ensureUser(reviewer, "审核", "人", reviewer + "@filing.test.anzexian.local", reviewer);
        groups.ensureMembership(reviewer, PlatformGroups.CITY_BUREAU);
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void approvedFilingIsNumberedListedAndAnnouncedToTheFourParties_N4_1_N5_1() throws Exception {
        String emergencyUser = "femergency" + insurer.organization().id();
        groups.ensureUser(emergencyUser, "应急", "局", emergencyUser + "@filing.test.anzexian.local", emergencyUser);
        groups.ensureMembership(emergencyUser, PlatformGroups.EMERGENCY_BUREAU);
        InsurerFiling filing = submitPassing();
        ProcessInstance instance = instance(filing);
        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_REVIEW_FILING);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(PlatformGroups.CITY_BUREAU);
        // #12: the review is due when the bureau would be reminded, in its 即将到期/已逾期 filters
        TaskDeadlines.assertDueAfterCreation(engine, instance, InsurerFilingProcess.TASK_REVIEW_FILING,
                settings.reviewReminder(), InsurerFilingFixtures.CITY);
        assertThat(gate.isFiled(insurer.organization().id())).isFalse();

        review(instance, "approve", null);
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(InsurerFilingProcess.END_FILED);
        InsurerFiling filed = filings.get(InsurerFilingFixtures.CITY, filing.id());
        assertThat(filed.status()).isEqualTo(FilingStatus.FILED);
        assertThat(filed.filingNumber()).matches("XZAZX-\\d{4}-\\d{4}");
        assertThat(filed.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).isEqualTo(reviewer);
            assertThat(decision.decision()).isEqualTo(FilingDecision.Decision.APPROVE);
        });
        gate.requireFiled(insurer.organization().id());

        JsonNode register = PagedLists.all(http, "sijian", "/api/insurers");
        assertThat(register.findValuesAsText("filingNumber")).contains(filed.filingNumber());
        JsonNode entry = http.withBasicAuth("sijian", "sijian")
                .getForEntity("/api/insurers/" + insurer.organization().id(), JsonNode.class).getBody();
        assertThat(entry.get("claimsLinePhone").asText()).isEqualTo("0350-95518");
        assertThat(entry.get("status").asText()).isEqualTo("FILED");

        MimeMessage toInsurer = awaitMail(insurer.email());
        assertThat(toInsurer.getSubject()).contains(filed.filingNumber()).contains(insurer.organization().name());
        assertThat(awaitMail(emergencyUser + "@filing.test.anzexian.local").getSubject()).contains(filed.filingNumber());
        assertThat(noticeTemplates(filing)).contains(NoticeTemplates.INSURER_FILING_FILED);
    }

    @Test
    void failedCheckGoesToTheInsurersCorrectionTaskAndACorrectedResubmissionPasses_N3_8() throws Exception {
        InsurerFilingData weak = FilingDataChanges.experience(passing(), new Experience(10, 120, 300));
        InsurerFiling filing = filings.submit(insurer.clerk(), weak);
        ProcessInstance instance = instance(filing);
        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_CORRECT_FILING);
        Task correction = BpmnAwareTests.task(instance);
        assertThat(correction).hasCandidateGroup(insurer.groupId());
        // #12: the correction is due when the filing would lapse
        TaskDeadlines.assertDueAfterCreation(engine, instance, InsurerFilingProcess.TASK_CORRECT_FILING,
                settings.correctionDeadline(), insurer.clerk());
        assertThat((String) engine.getTaskService().getVariable(correction.getId(), InsurerFilingProcess.VAR_CORRECTION_REASONS))
                .contains("承保件数 10 少于 100");
        assertThat(awaitMail(insurer.email()).getContent().toString()).contains("承保件数 10 少于 100");

        ResponseEntity<JsonNode> corrected = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .exchange("/api/insurer-filings/" + filing.id(), HttpMethod.PUT, new HttpEntity<>(passing()), JsonNode.class);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        complete(correction, insurer.clerk().userId(), insurer.groupId(),
                Map.of(InsurerFilingProcess.VAR_CORRECTION_DECISION, InsurerFilingProcess.RESUBMIT));

        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_REVIEW_FILING);
        InsurerFiling resubmitted = filings.get(insurer.clerk(), filing.id());
        assertThat(resubmitted.round()).isEqualTo(2);
        assertThat(resubmitted.status()).isEqualTo(FilingStatus.IN_REVIEW);
        assertThat(resubmitted.checks()).allMatch(CheckResult::passed);
    }

    @Test
    void aFilingCannotBeChangedOutsideCorrectionNorByAnotherInsurer() {
        InsurerFiling inReview = submitPassing();
        assertThatThrownBy(() -> filings.correct(insurer.clerk(), inReview.id(), passing()))
                .isInstanceOf(ConflictException.class);
        Insurer other = fixtures.branch();
        ResponseEntity<JsonNode> asOther = http.withBasicAuth(other.clerk().userId(), other.clerk().userId())
                .exchange("/api/insurer-filings/" + inReview.id(), HttpMethod.PUT, new HttpEntity<>(passing()), JsonNode.class);
        assertThat(asOther.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void abandoningTheCorrectionWithdrawsTheFiling() {
        InsurerFiling filing = filings.submit(insurer.clerk(), FilingDataChanges.experience(passing(), new Experience(0, 0, 0)));
        ProcessInstance instance = instance(filing);

        complete(BpmnAwareTests.task(instance), insurer.clerk().userId(), insurer.groupId(),
                Map.of(InsurerFilingProcess.VAR_CORRECTION_DECISION, InsurerFilingProcess.ABANDON));

        assertThat(instance).isEnded().hasPassed(InsurerFilingProcess.END_WITHDRAWN);
        assertThat(filings.get(insurer.clerk(), filing.id()).status()).isEqualTo(FilingStatus.WITHDRAWN);
    }

    @Test
    void aCorrectionNotDoneByTheDeadlineLapsesTheFiling() {
        InsurerFiling filing = filings.submit(insurer.clerk(), FilingDataChanges.experience(passing(), new Experience(0, 0, 0)));
        ProcessInstance instance = instance(filing);

        moveClock(Duration.ofDays(29));
        assertThat(dueTimers(instance)).isEmpty();
        moveClock(Duration.ofDays(2));
        dueTimers(instance).forEach(job -> engine.getManagementService().executeJob(job.getId()));
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(InsurerFilingProcess.END_LAPSED);
        assertThat(filings.get(insurer.clerk(), filing.id()).status()).isEqualTo(FilingStatus.LAPSED);
        assertThat(noticeTemplates(filing)).contains(NoticeTemplates.INSURER_FILING_LAPSED);
    }

    @Test
    void aReviewLeftOpenRemindsTheCityBureauOnceAndStaysOpen() throws Exception {
        InsurerFiling filing = submitPassing();
        ProcessInstance instance = instance(filing);

        moveClock(Duration.ofDays(6));
        dueTimers(instance).forEach(job -> engine.getManagementService().executeJob(job.getId()));
        executeJobs(instance);

        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_REVIEW_FILING).hasPassed(InsurerFilingProcess.TASK_REMIND_REVIEWER);
        assertThat(awaitMail(reviewer + "@filing.test.anzexian.local").getSubject()).contains(insurer.organization().name());
        assertThat(noticeTemplates(filing)).containsOnlyOnce(NoticeTemplates.INSURER_FILING_REVIEW_REMINDER);
    }

    @Test
    void rejectionNeedsAReasonAndMailsItToTheInsurer() throws Exception {
        InsurerFiling filing = submitPassing();
        ProcessInstance instance = instance(filing);

        assertThatThrownBy(() -> review(instance, "reject", " ")).hasMessageContaining("理由");
        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_REVIEW_FILING);

        review(instance, "reject", "保险方案未覆盖市政工程");
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(InsurerFilingProcess.END_REJECTED);
        assertThat(filings.get(insurer.clerk(), filing.id()).status()).isEqualTo(FilingStatus.REJECTED);
        assertThat(awaitMail(insurer.email()).getContent().toString()).contains("保险方案未覆盖市政工程");
        assertThat(gate.isFiled(insurer.organization().id())).isFalse();
    }

    @Test
    void askingForMoreInformationSendsTheFilingBackToTheInsurerWithTheBureausReason() {
        InsurerFiling filing = submitPassing();
        ProcessInstance instance = instance(filing);

        review(instance, "moreInfo", "请补充理赔团队人员资质");

        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_CORRECT_FILING);
        Task correction = BpmnAwareTests.task(instance);
        assertThat((String) engine.getTaskService().getVariable(correction.getId(), InsurerFilingProcess.VAR_CORRECTION_REASONS))
                .contains("请补充理赔团队人员资质");
        assertThat(filings.get(insurer.clerk(), filing.id()).status()).isEqualTo(FilingStatus.NEEDS_CORRECTION);

        complete(correction, insurer.clerk().userId(), insurer.groupId(),
                Map.of(InsurerFilingProcess.VAR_CORRECTION_DECISION, InsurerFilingProcess.RESUBMIT));
        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_REVIEW_FILING);
    }

    @Test
    void oneInsurerSeesNeitherAnotherInsurersFilingNorItsTask() {
        InsurerFiling ofB = submitPassing();
        Insurer a = fixtures.branch();
        InsurerFiling ofA = filings.submit(a.clerk(), FilingDataChanges.experience(
                InsurerFilingFixtures.passingData(a, today()), new Experience(0, 0, 0)));

        assertThat(http.withBasicAuth(a.clerk().userId(), a.clerk().userId())
                .getForEntity("/api/insurer-filings/" + ofB.id(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode listOfA = http.withBasicAuth(a.clerk().userId(), a.clerk().userId())
                .getForEntity("/api/insurer-filings?size=200", JsonNode.class).getBody();
        assertThat(listOfA.get("items").findValuesAsText("id")).containsExactly(String.valueOf(ofA.id()));
        assertThat(http.withBasicAuth("city", "city").getForEntity("/api/insurer-filings/" + ofB.id(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("sijian", "sijian").getForEntity("/api/insurer-filings/" + ofB.id(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // B fails nothing, so its work is the bureau's review; A's correction task belongs to A only
        engine.getIdentityService().setAuthentication(insurer.clerk().userId(), List.of(insurer.groupId()));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ofA.processInstanceId()).count()).isZero();
        engine.getIdentityService().setAuthentication(a.clerk().userId(), List.of(a.groupId()));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ofA.processInstanceId()).count()).isOne();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ofB.processInstanceId()).count()).isZero();
    }

    @Test
    void aFileReferenceThatIsNoSha256IsRefusedWith400() {
        InsurerFilingData data = FilingDataChanges.licenses(passing(),
                new License("BL-1", today().plusYears(1), "not-a-hash"), passing().insuranceLicense());
        ResponseEntity<JsonNode> response = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .postForEntity("/api/insurer-filings", data, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fieldErrors").findValuesAsText("field")).contains("businessLicense.scanHash");
        assertThat(filings.list(insurer.clerk(), new PageQuery(0, 5)).total()).isZero();
    }

    @Test
    void aFileThatWasNeverUploadedIsRefusedWith400() {
        InsurerFilingData data = FilingDataChanges.licenses(passing(),
                new License("BL-1", today().plusYears(1), "0".repeat(64)), passing().insuranceLicense());
        ResponseEntity<JsonNode> response = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .postForEntity("/api/insurer-filings", data, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fieldErrors").findValuesAsText("field")).containsExactly("businessLicense.scanHash");
        assertThat(filings.list(insurer.clerk(), new PageQuery(0, 5)).total()).isZero();
    }

    @Test
    void aFilingWithoutADedicatedManagementTeamIsRefusedWith400_N4_2() {
        InsurerFilingData data = FilingDataChanges.managementTeam(passing(), List.of());
        ResponseEntity<JsonNode> response = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .postForEntity("/api/insurer-filings", data, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fieldErrors").findValuesAsText("field")).contains("managementTeam");
        assertThat(filings.list(insurer.clerk(), new PageQuery(0, 5)).total()).isZero();
    }

    @Test
    void theGateRefusesAnInsurerThatNeverFiled_N5_2() {
        assertThatThrownBy(() -> gate.requireFiled(insurer.organization().id()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("未在忻州市住建局备案");
    }

    @Test
    void anExpiringLicenseIsRemindedOnceThenTheExpiredFilingIsSuspendedAndReinstatedAfterRenewal_N5_2() throws Exception {
        InsurerFilingData data = FilingDataChanges.licenses(passing(),
                new License("BL-SOON", today().plusDays(10), InsurerFilingFixtures.hash('b')), passing().insuranceLicense());
        InsurerFiling filing = approve(filings.submit(insurer.clerk(), data));

        filings.watchExpiries();
        filings.watchExpiries();
        assertThat(noticeTemplates(filing)).containsOnlyOnce(NoticeTemplates.INSURER_FILING_EXPIRY_REMINDER);
        assertThat(gate.isFiled(insurer.organization().id())).isTrue();

        moveClock(Duration.ofDays(11));
        WatchReport report = filings.watchExpiries();

        assertThat(report.suspendedFilingIds()).contains(filing.id());
        InsurerFiling suspended = filings.get(insurer.clerk(), filing.id());
        assertThat(suspended.status()).isEqualTo(FilingStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).contains("营业执照");
        assertThatThrownBy(() -> gate.requireFiled(insurer.organization().id())).isInstanceOf(ForbiddenException.class);
        assertThat(noticeTemplates(filing)).containsOnlyOnce(NoticeTemplates.INSURER_FILING_SUSPENDED);
        assertThat(awaitMail(insurer.email(), "暂停").getContent().toString()).contains("营业执照");
        assertThat(filings.register()).extracting(InsurerRegisterEntry::filingId).doesNotContain(filing.id());

        assertThatThrownBy(() -> filings.reinstate(InsurerFilingFixtures.CITY, filing.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("营业执照");
        LicenseChange renewal = licenseChanges.propose(insurer.clerk(), filing.id(), new LicenseUpdate(
                new License("BL-NEW", today().plusYears(3), InsurerFilingFixtures.hash('9')), passing().insuranceLicense()));
        ProcessInstance change = Processes.instance(engine, InsurerLicenseChangeProcess.KEY, renewal.id());
        complete(BpmnAwareTests.task(change), reviewer, PlatformGroups.CITY_BUREAU,
                Map.of(InsurerLicenseChangeProcess.VAR_REVIEW_DECISION, "approve"));
        executeJobs(change);
        assertThat(filings.get(insurer.clerk(), filing.id()).status()).as("approving a change reinstates nothing")
                .isEqualTo(FilingStatus.SUSPENDED);
        assertThatThrownBy(() -> filings.reinstate(insurer.clerk(), filing.id())).isInstanceOf(ForbiddenException.class);
        ResponseEntity<JsonNode> reinstated = http.withBasicAuth("city", "city")
                .postForEntity("/api/insurer-filings/" + filing.id() + "/reinstate", null, JsonNode.class);

        assertThat(reinstated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reinstated.getBody().get("status").asText()).isEqualTo("FILED");
        assertThat(gate.isFiled(insurer.organization().id())).isTrue();
    }

    @Test
    void listingAFiledInsurerOnTheDishonestyListSuspendsItInTheImport_N3_7_N5_2() {
        InsurerFiling filing = approve(submitPassing());

        creditLists.importCsv(InsurerFilingFixtures.CITY, "type,creditCode,name,listedOn,reason,source\n"
                + "DISHONEST_JUDGMENT_DEBTOR," + insurer.organization().creditCode() + ",分公司," + today()
                + ",拒不履行判决,中国执行信息公开网\n");

        InsurerFiling suspended = filings.get(InsurerFilingFixtures.CITY, filing.id());
        assertThat(suspended.status()).isEqualTo(FilingStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).contains("拒不履行判决");
        assertThat(gate.isFiled(insurer.organization().id())).isFalse();
        assertThat(noticeTemplates(filing)).contains(NoticeTemplates.INSURER_FILING_SUSPENDED);
    }

    @Test
    void theWatchRunsFromItsTimerStartEvent() {
        Job timer = engine.getManagementService().createJobQuery()
                .processDefinitionKey(InsurerFilingWatchProcess.KEY).timers().singleResult();
        assertThat(timer).isNotNull();
        engine.getManagementService().executeJob(timer.getId());
        Job watch = engine.getManagementService().createJobQuery().processDefinitionKey(InsurerFilingWatchProcess.KEY)
                .messages().singleResult();
        engine.getManagementService().executeJob(watch.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(InsurerFilingWatchProcess.TASK_WATCH).finished().count()).isPositive();
    }

    @Test
    void aClerkFilesFromTheTasklistStartForm() {
        engine.getIdentityService().setAuthentication(insurer.clerk().userId(), List.of(insurer.groupId()));
        Map<String, Object> form = FiledInsurers.startForm(insurer.organization(), insurer.parent(), today());
        // a lead with four years fails N3.4: the filing goes to correction with that one check failed
        form.put("lead1YearsOfWork", 4L);
        form.put("lead1ProofType", "DIPLOMA");

        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(InsurerFilingProcess.KEY).latestVersion().singleResult().getId();
        ProcessInstance instance = engine.getFormService().submitStartForm(definitionId,
                InsurerFilingFixtures.asEngineVariables(form));
        engine.getIdentityService().clearAuthentication();

        InsurerFiling filing = filings.get(insurer.clerk(), Long.parseLong(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                        .singleResult().getBusinessKey()));
        assertThat(filing.data().projectLeads()).singleElement().extracting(lead -> lead.yearsOfWork()).isEqualTo(4);
        assertThat(filing.processInstanceId()).isEqualTo(instance.getId());
        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_CORRECT_FILING);
        assertThat(filing.checks()).filteredOn(check -> !check.passed()).extracting(CheckResult::check)
                .containsExactly(FilingCheck.PROJECT_LEADS_EXPERIENCED);
        // #12: uploads, not hashes; the case is told apart in the task lists; the form's copy left the process
        assertThat(filing.data().businessLicense().scanHash()).isEqualTo(InsurerFilingFixtures.hash('b'));
        assertThat(filing.data().projectLeads().get(0).proofHash()).isEqualTo(InsurerFilingFixtures.hash('e'));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), InsurerFilingProcess.VAR_CASE_SUMMARY))
                .isEqualTo(insurer.organization().name() + " · 保险机构展业告知备案");
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys("lead1YearsOfWork", "lead1ProofFile", "manager1Name", "businessLicenseFile", "parentName");

        // #12: the clerk corrects in the task's form (the documents not uploaded again stay) and resubmits
        Task correction = BpmnAwareTests.task(instance);
        Map<String, Object> corrected = new HashMap<>(FiledInsurers.startForm(insurer.organization(), insurer.parent(), today()));
        InsurerFilingFixtures.FILE_FIELDS.forEach(corrected::remove);
        corrected.put("lead1YearsOfWork", "9");
        corrected.put(InsurerFilingProcess.VAR_CORRECTION_DECISION, InsurerFilingProcess.RESUBMIT);
        // #12: the rows are as many as the clerk adds; a second lead brings its own proof, and a proof is
        // kept only if it is one the filing's leads filed (here a stored file of the insurer's, not a proof)
        corrected.put("lead2Name", "李娜");
        corrected.put("lead2YearsOfWork", "12");
        corrected.put("lead2ProofType", "DIPLOMA");
        corrected.put("lead2ProofKept", InsurerFilingFixtures.hash('b'));
        corrected.put("manager2Name", "孙丽");
        corrected.put("manager2Position", "风险管理岗");
        corrected.put("manager2Phone", "13800000003");
        assertThatThrownBy(() -> complete(correction, insurer.clerk().userId(), insurer.groupId(),
                InsurerFilingFixtures.asEngineVariables(corrected)))
                .hasMessageContaining("「项目负责人 2 年限证明文件」必须上传证明")
                .hasMessageContaining("「项目负责人 1 年限证明文件」必须上传证明");
        corrected.put("lead1ProofKept", InsurerFilingFixtures.hash('e'));
        corrected.put("lead2ProofFile", InsurerFilingFixtures.upload('f'));
        complete(correction, insurer.clerk().userId(), insurer.groupId(), InsurerFilingFixtures.asEngineVariables(corrected));

        InsurerFiling resubmitted = filings.get(insurer.clerk(), filing.id());
        assertThat(resubmitted.status()).isEqualTo(FilingStatus.IN_REVIEW);
        assertThat(resubmitted.data().projectLeads()).hasSize(2);
        assertThat(resubmitted.data().projectLeads().get(0)).satisfies(lead -> {
            assertThat(lead.yearsOfWork()).isEqualTo(9);
            assertThat(lead.proofHash()).as("kept as filed").isEqualTo(InsurerFilingFixtures.hash('e'));
        });
        assertThat(resubmitted.data().projectLeads().get(1)).satisfies(lead -> {
            assertThat(lead.name()).isEqualTo("李娜");
            assertThat(lead.proofHash()).isEqualTo(InsurerFilingFixtures.hash('f'));
        });
        assertThat(resubmitted.data().managementTeam()).extracting(member -> member.name()).containsExactly("张伟", "孙丽");
        assertThat(resubmitted.data().claimsService().claimsTeam()).extracting(member -> member.name()).containsExactly("赵敏");
        assertThat(resubmitted.data().businessLicense()).isEqualTo(filing.data().businessLicense());
        assertThat(instance).isWaitingAt(InsurerFilingProcess.TASK_REVIEW_FILING);
    }

    @Test
    void aStartFormWithSeveralProblemsIsRefusedNamingEveryOneInChinese_12() {
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(InsurerFilingProcess.KEY).count();
        engine.getIdentityService().setAuthentication(insurer.clerk().userId(), List.of(insurer.groupId()));
        Map<String, Object> form = FiledInsurers.startForm(insurer.organization(), insurer.parent(), today());
        form.remove("businessLicenseFile");
        form.put("insuranceLicenseValidUntil", "明年");
        form.put("lead1YearsOfWork", "很多");
        form.put("lead2Name", "李娜");
        form.put("lead2ProofKept", InsurerFilingFixtures.hash('e'));
        form.remove("auditor");
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(InsurerFilingProcess.KEY).latestVersion().singleResult().getId();

        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId,
                InsurerFilingFixtures.asEngineVariables(form)))
                .hasMessageContaining("「营业执照扫描件」必须上传扫描件")
                .hasMessageContaining("「保险许可证有效期至」日期格式须为 yyyy-MM-dd")
                .hasMessageContaining("「项目负责人 1 工作年限（年）」须为数字")
                .hasMessageContaining("「项目负责人 2 工作年限（年）」必须填写工作年限")
                .hasMessageContaining("「项目负责人 2 年限证明文件」必须上传证明")
                .hasMessageContaining("「审计机构」必须填写审计机构");
        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(InsurerFilingProcess.KEY).count()).isEqualTo(before);
    }

    // --- helpers -----------------------------------------------------------------------------

    InsurerFilingData passing() {
        return InsurerFilingFixtures.passingData(insurer, today());
    }

    InsurerFiling submitPassing() {
        return filings.submit(insurer.clerk(), passing());
    }

    InsurerFiling approve(InsurerFiling filing) {
        ProcessInstance instance = instance(filing);
        review(instance, "approve", null);
        executeJobs(instance);
        return filings.get(InsurerFilingFixtures.CITY, filing.id());
    }

    ProcessInstance instance(InsurerFiling filing) {
        return Processes.instance(engine, InsurerFilingProcess.KEY, filing.id());
    }

    void review(ProcessInstance instance, String decision, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(InsurerFilingProcess.VAR_REVIEW_DECISION, decision);
        variables.put(InsurerFilingProcess.VAR_REVIEW_REASON, reason);
        complete(BpmnAwareTests.task(instance), reviewer, PlatformGroups.CITY_BUREAU, variables);
    }

    void complete(Task task, String userId, String groupId, Map<String, Object> variables) {
        Processes.completeAs(engine, task.getId(), userId, List.of(groupId), variables);
    }

    /** Runs the instance's due asynchronous continuations, as the job executor would. */
    void executeJobs(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    List<Job> dueTimers(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
    }

    void moveClock(Duration by) {
        Processes.moveClock(by);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The template of each notice written about the filing, one entry per notice (not per recipient). */
    List<String> noticeTemplates(InsurerFiling filing) {
        return notifications.list(new NoticeFilter(null, null, "insurer-filing:" + filing.id(), null), 0, 200)
                .items().stream().collect(Collectors.toMap(NoticeDelivery::noticeId,
                        NoticeDelivery::templateKey, (a, b) -> a)).values().stream().toList();
    }

    MimeMessage awaitMail(String recipient) {
        return awaitMail(recipient, "");
    }

    MimeMessage awaitMail(String recipient, String subjectPart) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isTo(message, recipient) && subject(message).contains(subjectPart))
                .reduce((first, second) -> second).orElse(null), message -> message != null);
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
