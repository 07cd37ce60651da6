package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.serviceorg.FiledServiceOrgs;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.ReceivedMails;
import org.anzexian.support.TestSmtp;
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
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Process {@code preventionServiceVisit} from the registration of a service team, through {@code /api}
 * and the engine with the clock moved (issue 5, N4.6, N8.2, N8.4, N8.5, N8.8); H2 and PostgreSQL.
 */
abstract class PreventionServiceVisitContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final String COUNTY_MAIL = "xinfu@demo.anzexian.local";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    @Autowired
    VisitService visits;

    @Autowired
    ServiceArchive archive;

    @Autowired
    GroupDirectory groups;

    InsuredProjects fixtures;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        fixtures = new InsuredProjects(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- schedule ---------------------------------------------------------------------------------

    @Test
    void registeringTheTeamSchedulesTheFirstVisitFromTheDmnForTheServiceOrg_N4_6() {
        ServicedProject serviced = fixtures.serviced();

        Visit first = onlyVisit(serviced);
        ProcessInstance instance = instance(first);

        assertThat(first.kind()).isEqualTo(VisitKind.REGULAR);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(VisitStatus.OPEN);
        assertThat(Duration.between(OffsetDateTime.now(), first.dueAt())).isBetween(Duration.ofDays(6), Duration.ofDays(7));
        assertThat(Duration.between(first.dueAt(), first.missedAt())).isEqualTo(Duration.ofDays(3));
        assertThat(instance).isWaitingAt(TASK_RECORD_VISIT, TIMER_NEXT_VISIT_DUE);
        Task task = BpmnAwareTests.task(TASK_RECORD_VISIT, instance);
        assertThat(task).hasCandidateGroup(serviced.serviceOrg().group());
        assertThat(task.getDueDate().toInstant()).isEqualTo(first.dueAt().toInstant());
        assertThat(archivedEvents(first.id())).containsExactly("VISIT_SCHEDULED");
    }

    /** #12: a visit started before its forms read {@code visitRef} gets it from its business key at start-up. */
    @Test
    void aRunningVisitWithoutVisitRefGetsItFromItsBusinessKey() {
        Visit old = onlyVisit(fixtures.serviced());
        Visit current = onlyVisit(fixtures.serviced());
        String oldInstance = instance(old).getId();
        engine.getRuntimeService().removeVariable(oldInstance, PreventionServiceVisitProcess.VAR_VISIT_REF);

        context.getBean(VisitRefBackfill.class).backfill();

        assertThat(engine.getRuntimeService().getVariable(oldInstance, PreventionServiceVisitProcess.VAR_VISIT_REF))
                .isEqualTo(old.id());
        assertThat(engine.getRuntimeService().getVariable(instance(current).getId(), PreventionServiceVisitProcess.VAR_VISIT_REF))
                .isEqualTo(current.id());
        assertThat(context.getBean(VisitRefBackfill.class).backfill()).as("nothing left to give").isZero();
    }

    @Test
    void aVisitNotRecordedByDuePlusGraceIsMissedReportedAndTheNextOneIsScheduled() {
        ServicedProject serviced = fixtures.serviced();
        Visit first = onlyVisit(serviced);
        ProcessInstance instance = instance(first);

        ClockUtil.setCurrentTime(Date.from(first.reminderAt().toInstant().plusSeconds(60)));
        DueJobs.run(engine, instance);
        awaitMail(serviced.serviceOrg().email(), "事故预防服务即将到期：" + serviced.project().name());

        ClockUtil.setCurrentTime(Date.from(first.dueAt().toInstant().plusSeconds(60)));
        DueJobs.run(engine, instance);
        List<Visit> scheduled = visits.ofPolicy(serviced.serviceOrg().actor(), serviced.policy().id());
        assertThat(scheduled).hasSize(2);
        Visit second = scheduled.get(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(Duration.between(first.dueAt(), second.dueAt())).as("DMN default: monthly").isEqualTo(Duration.ofDays(30));

        ClockUtil.setCurrentTime(Date.from(first.missedAt().toInstant().plusSeconds(60)));
        DueJobs.run(engine, instance);

        Visit missed = visits.require(first.id());
        assertThat(missed.missed()).isTrue();
        assertThat(missed.status()).as("the visit is still owed").isEqualTo(VisitStatus.OPEN);
        assertThat(instance).isWaitingAt(TASK_RECORD_VISIT);
        assertThat(visits.missedVisits(serviced.serviceOrg().id())).isEqualTo(1);
        assertThat((String) content(awaitMail(serviced.insurer().email(), "事故预防服务逾期未完成：" + serviced.project().name())))
                .contains(serviced.serviceOrg().name()).contains("考核");
        awaitMail(COUNTY_MAIL, "事故预防服务逾期未完成：" + serviced.project().name());
        assertThat(archivedEvents(first.id())).contains("VISIT_MISSED");
    }

    @Test
    void regularVisitsAreScheduledUntilThePolicyEndsAndNoFurther_N4_6() {
        ServicedProject serviced = fixtures.serviced();
        Visit latest = onlyVisit(serviced);
        for (int round = 0; round < 40; round++) {
            ClockUtil.setCurrentTime(Date.from(latest.dueAt().toInstant().plusSeconds(60)));
            DueJobs.run(engine, instance(latest));
            List<Visit> all = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id());
            if (all.get(all.size() - 1).id() == latest.id()) {
                break;
            }
            latest = all.get(all.size() - 1);
        }

        List<Visit> all = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id());
        OffsetDateTime policyEnds = serviced.policy().policyEnd().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                .toOffsetDateTime();
        assertThat(all).hasSizeGreaterThan(10).allSatisfy(visit -> assertThat(visit.dueAt()).isBefore(policyEnds));
        assertThat(latest.dueAt().plus(Period.ofDays(30))).isAfter(policyEnds);
        assertThat(all).extracting(Visit::seq).doesNotHaveDuplicates();
        assertThat(instance(latest)).isWaitingAt(TASK_RECORD_VISIT).hasPassed(TASK_SCHEDULE_NEXT_VISIT);
        assertThat(archivedEvents(latest.id())).contains("VISIT_SCHEDULE_ENDED");
    }

    // --- the visit --------------------------------------------------------------------------------

    @Test
    void aVisitWithAMajorAndAGeneralHazardReportsToInsurerAndBuilderAndStartsOneRectificationEach_N8_4_N8_8() {
        ServicedProject serviced = fixtures.serviced();
        Visit visit = onlyVisit(serviced);
        ProcessInstance instance = instance(visit);
        String photo = fixtures.storedFile(serviced.serviceOrg(), "photo of the pit");

        ResponseEntity<JsonNode> recorded = record(serviced.serviceOrg(), visit.id(), visited(InsuredProjects.PROJECT_LEAD, "员工戊"));
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().get("status").asText()).isEqualTo("VISITED");
        assertThat(instance).isWaitingAt(TASK_UPLOAD_REPORT);

        String report = fixtures.storedFile(serviced.serviceOrg(), "visit report");
        ResponseEntity<JsonNode> reported = report(serviced.serviceOrg(), visit.id(), new VisitReportRequest(report, List.of(
                new VisitHazard(HazardCategory.FOUNDATION_PIT, HazardSeverity.MAJOR, "基坑支护开裂", "北侧基坑", List.of(photo),
                        "立即停止开挖并加固支护", null),
                new VisitHazard(HazardCategory.TEMPORARY_POWER, HazardSeverity.GENERAL, "配电箱未上锁", "2号楼", List.of(),
                        "加锁并张贴警示", null))));
        assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);

        Visit done = visits.require(visit.id());
        assertThat(done.status()).isEqualTo(VisitStatus.REPORTED);
        assertThat(done.reportLate()).isFalse();
        assertThat(done.hazards()).extracting(VisitHazard::severity).containsExactly(HazardSeverity.MAJOR, HazardSeverity.GENERAL);
        assertThat(done.hazards()).allSatisfy(hazard -> {
            assertThat(hazard.hazardId()).isNotNull();
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(HazardRectificationProcess.KEY)
                    .processInstanceBusinessKey(String.valueOf(hazard.hazardId())).count()).isEqualTo(1);
        });
        assertThat(instance).hasPassed(TASK_DISTRIBUTE_REPORT, END_REPORTED);
        String mail = content(awaitMail(serviced.insurer().email(), "事故预防服务报告：" + serviced.project().name()));
        assertThat(mail).contains("基坑支护开裂").contains("重大隐患").contains("配电箱未上锁").contains(report);
        awaitMail(serviced.builder().email(), "事故预防服务报告：" + serviced.project().name());
        assertThat(archivedEvents(visit.id()))
                .containsExactly("VISIT_SCHEDULED", "VISIT_RECORDED", "VISIT_REPORTED", "VISIT_REPORT_SENT");
        assertThat(archive.entriesAbout(ArchiveSubject.VISIT, visit.id()).get(2).files()).contains(report, photo);
        assertThat(mail).contains("/api/visits/" + visit.id() + "/files/" + report);
        ResponseEntity<byte[]> byBuilder = http.withBasicAuth(serviced.builder().user(), serviced.builder().user())
                .getForEntity("/api/visits/" + visit.id() + "/files/" + report, byte[].class);
        assertThat(byBuilder.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(byBuilder.getBody())).startsWith("%PDF");
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/visits/" + visit.id() + "/files/" + photo,
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/visits/" + visit.id() + "/files/" + report,
                byte[].class).getStatusCode()).as("another county").isEqualTo(HttpStatus.NOT_FOUND);

        // an open major hazard shortens the next interval (DMN visitFrequency)
        ClockUtil.setCurrentTime(Date.from(visit.dueAt().toInstant().plusSeconds(60)));
        DueJobs.run(engine, instance);
        Visit next = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id()).get(1);
        assertThat(Duration.between(visit.dueAt(), next.dueAt())).isEqualTo(Duration.ofDays(7));
        assertThat(instance).isEnded();
    }

    @Test
    void attendanceWithoutTheRegisteredProjectLeadOrServiceStaffIsRefusedNamingWhoIsMissing_N8_2() {
        ServicedProject serviced = fixtures.serviced();
        Visit visit = onlyVisit(serviced);
        ProcessInstance instance = instance(visit);

        ResponseEntity<JsonNode> noLead = record(serviced.serviceOrg(), visit.id(), visited("员工丙", "高工甲"));
        ResponseEntity<JsonNode> noStaff = record(serviced.serviceOrg(), visit.id(), visited(InsuredProjects.PROJECT_LEAD, "注册丁"));

        assertThat(noLead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noLead.getBody().toString()).contains("attendees").contains("项目负责人「注册乙」");
        assertThat(noStaff.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noStaff.getBody().toString()).contains("服务人员").contains("员工丙").doesNotContain("项目负责人「");
        assertThat(visits.require(visit.id()).status()).isEqualTo(VisitStatus.OPEN);
        assertThat(instance).isWaitingAt(TASK_RECORD_VISIT, TIMER_NEXT_VISIT_DUE);
        assertThat(archive.entriesAbout(ArchiveSubject.VISIT, visit.id())).hasSize(1);
    }

    @Test
    void onlyTheRegisteredServiceOrgRecordsItsVisits_N4_6_N8_6() {
        ServicedProject serviced = fixtures.serviced();
        Visit visit = onlyVisit(serviced);
        FiledServiceOrgs.ServiceOrg other = new FiledServiceOrgs(context.getBean(OrganizationService.class), groups,
                context.getBean(FileStore.class), context.getBean(ServiceOrgFilingService.class),
                engine.getManagementService()).filed(null);

        ResponseEntity<JsonNode> byBuilder = record(serviced.builder(), visit.id(), visited(InsuredProjects.PROJECT_LEAD, "员工丙"));
        ResponseEntity<JsonNode> bySubcontractor = http.withBasicAuth(other.user(), other.user()).postForEntity(
                "/api/visits/" + visit.id() + "/record", visited(InsuredProjects.PROJECT_LEAD, "员工丙"), JsonNode.class);

        assertThat(byBuilder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bySubcontractor.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(visits.require(visit.id()).status()).isEqualTo(VisitStatus.OPEN);
    }

    @Test
    void aSiteRefusalIsRecordedWithItsReasonAndTheInsurerAndCountyAreToldAtOnce_N8_5() {
        ServicedProject serviced = fixtures.serviced();
        Visit visit = onlyVisit(serviced);
        ProcessInstance instance = instance(visit);

        ResponseEntity<JsonNode> noReason = record(serviced.serviceOrg(), visit.id(),
                new VisitRecordRequest(VisitOutcome.REFUSED, null, null, null, null, " "));
        ResponseEntity<JsonNode> refused = record(serviced.serviceOrg(), visit.id(),
                new VisitRecordRequest(VisitOutcome.REFUSED, null, null, null, null, "项目经理拒绝服务人员进入施工现场"));
        DueJobs.run(engine, instance);

        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("refusalReason");
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.OK);
        Visit recorded = visits.require(visit.id());
        assertThat(recorded.status()).isEqualTo(VisitStatus.REFUSED);
        assertThat(recorded.refusalReason()).isEqualTo("项目经理拒绝服务人员进入施工现场");
        assertThat(instance).hasPassed(TASK_REPORT_REFUSAL, END_REFUSED).isWaitingAt(TIMER_NEXT_VISIT_DUE);
        assertThat(content(awaitMail(serviced.insurer().email(), "现场拒绝或阻挠事故预防服务：" + serviced.project().name())))
                .contains("项目经理拒绝服务人员进入施工现场");
        awaitMail(COUNTY_MAIL, "现场拒绝或阻挠事故预防服务：" + serviced.project().name());
        assertThat(archivedEvents(visit.id())).containsExactly("VISIT_SCHEDULED", "VISIT_REFUSED");
    }

    @Test
    void aReportUploadedAfterTheConfiguredTimeIsFlaggedLate_N8_8() {
        ServicedProject serviced = fixtures.serviced();
        Visit visit = onlyVisit(serviced);
        ProcessInstance instance = instance(visit);
        assertThat(record(serviced.serviceOrg(), visit.id(), visited(InsuredProjects.PROJECT_LEAD, "员工丙")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Visit recorded = visits.require(visit.id());
        assertThat(Duration.between(recorded.leftAt(), recorded.reportDueAt())).isEqualTo(Duration.ofHours(48));

        ClockUtil.setCurrentTime(Date.from(recorded.reportDueAt().toInstant().plusSeconds(60)));
        DueJobs.run(engine, instance);

        assertThat(visits.require(visit.id()).reportLate()).isTrue();
        assertThat(instance).isWaitingAt(TASK_UPLOAD_REPORT);
        awaitMail(serviced.serviceOrg().email(), "事故预防服务报告逾期未上传：" + serviced.project().name());

        ResponseEntity<JsonNode> reported = report(serviced.serviceOrg(), visit.id(),
                new VisitReportRequest(fixtures.storedFile(serviced.serviceOrg(), "late report"), List.of()));
        DueJobs.run(engine, instance);

        assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(reported.getBody().get("reportLate").asBoolean()).isTrue();
        assertThat(content(awaitMail(serviced.builder().email(), "事故预防服务报告：" + serviced.project().name())))
                .contains("逾期上传");
        assertThat(archivedEvents(visit.id())).contains("VISIT_REPORT_LATE");
    }

    @Test
    void theTasklistFormsRecordTheVisitAndUploadTheReportWithTheSameChecks_N8_2_N8_8() {
        ServicedProject serviced = fixtures.serviced();
        Visit visit = onlyVisit(serviced);
        ProcessInstance instance = instance(visit);
        String taskId = BpmnAwareTests.task(TASK_RECORD_VISIT, instance).getId();
        assertThat(deployedForm(serviced.serviceOrg(), taskId)).contains("cam-variable-name=\"" + VAR_OUTCOME + "\"")
                .contains("cam-variable-name=\"" + VisitForms.ARRIVED_AT + "\"").contains("cam-variable-name=\"" + VisitForms.LEFT_AT + "\"")
                .contains("createVariable({ name: '" + VisitForms.ATTENDEES_LINES + "'")
                .contains("cam-variable-name=\"" + VisitForms.SERVICE_ITEMS_LINES + "\"")
                .contains("cam-variable-name=\"" + VisitForms.REFUSAL_REASON + "\"");
        String now = OffsetDateTime.now().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime()
                .withNano(0).toString();
        String before = OffsetDateTime.now().minusHours(2).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDateTime().withNano(0).toString();

        Map<String, Object> withoutLead = Map.of(VAR_OUTCOME, "VISITED", VisitForms.ARRIVED_AT, before, VisitForms.LEFT_AT, now,
                VisitForms.ATTENDEES_LINES, "员工丙", VisitForms.SERVICE_ITEMS_LINES, "脚手架检查");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs(serviced.serviceOrg(), taskId, withoutLead))
                .hasMessageContaining("注册乙");
        assertThat(instance).isWaitingAt(TASK_RECORD_VISIT, TIMER_NEXT_VISIT_DUE);

        completeAs(serviced.serviceOrg(), taskId, Map.of(VAR_OUTCOME, "VISITED", VisitForms.ARRIVED_AT, before,
                VisitForms.LEFT_AT, now, VisitForms.ATTENDEES_LINES, "注册乙\n员工丙", VisitForms.SERVICE_ITEMS_LINES,
                "脚手架检查\n临时用电检查"));
        assertThat(instance).isWaitingAt(TASK_UPLOAD_REPORT, TIMER_NEXT_VISIT_DUE);
        String reportForm = deployedForm(serviced.serviceOrg(), BpmnAwareTests.task(TASK_UPLOAD_REPORT, instance).getId());
        assertThat(reportForm).contains("cam-variable-name=\"" + VisitForms.REPORT_FILE + "\" cam-variable-type=\"File\"");
        // the hazard rows are as many as the person adds: declared once as templates, registered per row on submit
        org.anzexian.platform.engine.FormFields declared = org.anzexian.platform.engine.FormFields.ofEmbeddedForm(
                reportForm.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        VisitForms.photoFields(java.util.Set.of("hazard7Severity")).forEach(photo -> assertThat(declared.isEditable(photo)).as(photo).isTrue());
        assertThat(declared.isEditable("hazard12Measure")).isTrue();
        assertThat(reportForm).contains("capture=\"environment\"");
        // every problem of every hazard row at once, each naming its row (#12)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs(serviced.serviceOrg(),
                BpmnAwareTests.task(TASK_UPLOAD_REPORT, instance).getId(), Map.of(
                        "hazard1Severity", "GENERAL", "hazard1Location", "3号楼外架",
                        "hazard2Category", "FOUNDATION_PIT", "hazard2Description", "支护开裂",
                        "hazard7Severity", "MAJOR", "hazard7Category", "WORK_AT_HEIGHT")))
                .hasMessageContaining("隐患 1：必须选择隐患类别").hasMessageContaining("隐患 1：必须描述隐患")
                .hasMessageContaining("隐患 1：必须提出整改措施").hasMessageContaining("隐患 2：必须选择严重程度")
                .hasMessageContaining("隐患 2：必须填写部位").hasMessageContaining("隐患 7：必须填写部位")
                .hasMessageContaining("隐患 7：必须描述隐患");
        Map<String, Object> report = new java.util.LinkedHashMap<>(Map.of(
                VisitForms.REPORT_FILE, org.camunda.bpm.engine.variable.Variables.fileValue("report.pdf")
                        .file(("%PDF-1.4 form report " + visit.id()).getBytes()).mimeType("application/pdf").create(),
                "hazard1Severity", "GENERAL", "hazard1Category", "SCAFFOLDING", "hazard1Location", "3号楼外架",
                "hazard1Description", "连墙件缺失", "hazard1Measure", "补设连墙件",
                "hazard1Photo1", org.camunda.bpm.engine.variable.Variables.fileValue("p.png")
                        .file(org.anzexian.support.SampleFiles.png()).mimeType("image/png").create()));
        report.putAll(Map.of("hazard7Severity", "MAJOR", "hazard7Category", "WORK_AT_HEIGHT", "hazard7Location", "5号楼临边",
                "hazard7Description", "临边防护缺失", "hazard7Measure", "设置防护栏杆"));
        completeAs(serviced.serviceOrg(), BpmnAwareTests.task(TASK_UPLOAD_REPORT, instance).getId(), report);
        DueJobs.run(engine, instance);

        Visit done = visits.require(visit.id());
        assertThat(done.attendees()).containsExactly("注册乙", "员工丙");
        assertThat(done.reportFile()).matches("[0-9a-f]{64}");
        assertThat(done.hazards()).hasSize(2);
        assertThat(done.hazards().get(0)).satisfies(hazard -> {
            assertThat(hazard.category()).isEqualTo(HazardCategory.SCAFFOLDING);
            assertThat(hazard.photos()).hasSize(1);
            assertThat(hazard.hazardId()).isNotNull();
        });
        assertThat(done.hazards().get(1).category()).as("a row beyond the former six").isEqualTo(HazardCategory.WORK_AT_HEIGHT);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VisitForms.REPORT_FILE))
                .as("the bytes moved into the file store").isNull();
    }

    // --- extra visits and the digest --------------------------------------------------------------

    @Test
    void theConstructionUnitAndTheCountyRequestExtraVisitsOthersCannot() {
        ServicedProject serviced = fixtures.serviced();
        Party stranger = fixtures.party(OrganizationType.CONSTRUCTION_UNIT, InsuredProjects.COUNTY);

        ResponseEntity<JsonNode> byBuilder = requestExtra(serviced.builder().user(), serviced.policy().id());
        ResponseEntity<JsonNode> byCounty = requestExtra("xinfu", serviced.policy().id());
        ResponseEntity<JsonNode> byStranger = requestExtra(stranger.user(), serviced.policy().id());

        assertThat(byBuilder.getStatusCode()).as(String.valueOf(byBuilder.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(byCounty.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(byStranger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Visit extra = visits.require(byBuilder.getBody().get("id").asLong());
        assertThat(extra.kind()).isEqualTo(VisitKind.EXTRA);
        assertThat(extra.requestedBy()).isEqualTo(serviced.builder().user());
        ProcessInstance instance = instance(extra);
        assertThat(instance).isWaitingAt(TASK_RECORD_VISIT);
        assertThat(BpmnAwareTests.task(TASK_RECORD_VISIT, instance)).hasCandidateGroup(serviced.serviceOrg().group());
        assertThat(content(awaitMail(serviced.serviceOrg().email(), "加派事故预防服务：" + serviced.project().name())))
                .contains("塔吊附近发现异常");
        assertThat(visits.ofPolicy(serviced.serviceOrg().actor(), serviced.policy().id())).hasSize(3);
    }

    @Test
    void theVisitFormsReadTheirContextAndPolicyListOnlyWhereTheActorMaySee_12() {
        ServicedProject serviced = fixtures.serviced();
        Party stranger = fixtures.party(OrganizationType.CONSTRUCTION_UNIT, InsuredProjects.COUNTY);
        Visit visit = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id()).get(0);
        String context = "/api/visits/" + visit.id() + "/context";

        ResponseEntity<JsonNode> byServiceOrg = http.withBasicAuth(serviced.serviceOrg().user(), serviced.serviceOrg().user())
                .getForEntity(context, JsonNode.class);
        assertThat(byServiceOrg.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byServiceOrg.getBody().path("projectName").asText()).isEqualTo(serviced.project().name());
        assertThat(byServiceOrg.getBody().path("countyName").asText()).isEqualTo("忻府区");
        assertThat(byServiceOrg.getBody().path("policyNumber").asText()).isEqualTo(serviced.policy().policyNumber());
        assertThat(byServiceOrg.getBody().path("team").findValuesAsText("name"))
                .contains(InsuredProjects.PROJECT_LEAD, InsuredProjects.SERVICE_STAFF.get(0));
        for (String user : List.of(serviced.builder().user(), serviced.insurer().user(), "xinfu")) {
            assertThat(http.withBasicAuth(user, user).getForEntity(context, JsonNode.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.withBasicAuth(stranger.user(), stranger.user()).getForEntity(context, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity(context, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(context, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        String list = "/api/visits/requestable-policies";
        assertThat(http.withBasicAuth(serviced.builder().user(), serviced.builder().user()).getForEntity(list, JsonNode.class)
                .getBody().findValuesAsText("policyNumber")).contains(serviced.policy().policyNumber());
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity(list, JsonNode.class).getBody()
                .findValuesAsText("policyNumber")).contains(serviced.policy().policyNumber());
        assertThat(http.withBasicAuth(stranger.user(), stranger.user()).getForEntity(list, JsonNode.class).getBody()
                .findValuesAsText("policyNumber")).doesNotContain(serviced.policy().policyNumber());
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity(list, JsonNode.class).getBody()
                .findValuesAsText("policyNumber")).doesNotContain(serviced.policy().policyNumber());
    }

    @Test
    void theConstructionUnitRequestsAnExtraVisitThroughTheTasklistStartForm() {
        ServicedProject serviced = fixtures.serviced();
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        Party builder = serviced.builder();

        engine.getIdentityService().setAuthentication(builder.user(), List.of(builder.group()));
        ProcessInstance instance;
        try {
            instance = engine.getFormService().submitStartForm(definitionId,
                    Map.of(VAR_POLICY_NUMBER, serviced.policy().policyNumber(), VAR_REQUEST_REASON, "脚手架搭设完成，请求检查"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        Visit extra = visits.require(Long.parseLong(instance.getBusinessKey()));
        assertThat(extra.kind()).isEqualTo(VisitKind.EXTRA);
        assertThat(extra.policyId()).isEqualTo(serviced.policy().id());
        assertThat(extra.requestReason()).isEqualTo("脚手架搭设完成，请求检查");
        assertThat(instance).isWaitingAt(TASK_RECORD_VISIT);
        assertThat(BpmnAwareTests.task(TASK_RECORD_VISIT, instance)).hasCandidateGroup(serviced.serviceOrg().group());
        assertThat(archivedEvents(extra.id())).containsExactly("VISIT_REQUESTED");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_SUMMARY))
                .isEqualTo("忻府区 · " + serviced.project().code() + " " + serviced.project().name() + " · 加派服务");
    }

    @Test
    void eachCountyReceivesADigestOfTheVisitsHazardsAndRefusalsOfItsArea_N8_5() {
        String county = "140921";
        String countyUser = "digest" + county + System.nanoTime() % 100000;
        groups.ensureUser(countyUser, "定襄", "住建", countyUser + "@fixture.anzexian.local", countyUser);
        groups.ensureMembership(countyUser, PlatformGroups.county(county));
        ServicedProject refusedSite = fixtures.serviced(fixtures.insured(county, ProjectCategory.MUNICIPAL,
                InsuredProjects.CONTRACT_AMOUNT));
        ServicedProject visitedSite = fixtures.serviced(fixtures.insured(county, ProjectCategory.BUILDING,
                InsuredProjects.CONTRACT_AMOUNT));
        Visit refusal = onlyVisit(refusedSite);
        record(refusedSite.serviceOrg(), refusal.id(),
                new VisitRecordRequest(VisitOutcome.REFUSED, null, null, null, null, "施工单位阻挠服务"));
        Visit visit = onlyVisit(visitedSite);
        record(visitedSite.serviceOrg(), visit.id(), visited(InsuredProjects.PROJECT_LEAD, "员工丙"));
        report(visitedSite.serviceOrg(), visit.id(), new VisitReportRequest(fixtures.storedFile(visitedSite.serviceOrg(), "digest report"), List.of(
                new VisitHazard(HazardCategory.WORK_AT_HEIGHT, HazardSeverity.MAJOR, "临边无防护", "5层", List.of(), "设防护栏杆", null))));

        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(CountyVisitDigestProcess.KEY)
                .timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        engine.getManagementService().createJobQuery().processDefinitionKey(CountyVisitDigestProcess.KEY).executable()
                .list().stream().filter(job -> !job.getId().equals(timer.getId()))
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));

        String digest = content(awaitMail(countyUser + "@fixture.anzexian.local", "事故预防服务定期报告：定襄县"));
        assertThat(digest).contains("完成现场服务：1 次").contains("现场拒绝或阻挠服务：1 次").contains("上报重大隐患：1 项")
                .contains("施工单位阻挠服务").contains(refusedSite.project().name());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Visit onlyVisit(ServicedProject serviced) {
        List<Visit> all = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<String> archivedEvents(long visitId) {
        return archive.entriesAbout(ArchiveSubject.VISIT, visitId).stream().map(ArchiveEntry::event).toList();
    }

    private ProcessInstance instance(Visit visit) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(visit.id()), KEY).singleResult();
    }

    private static VisitRecordRequest visited(String... attendees) {
        OffsetDateTime now = OffsetDateTime.now();
        return new VisitRecordRequest(VisitOutcome.VISITED, now.minusHours(3), now.minusHours(1), List.of(attendees),
                List.of("基坑支护检查", "安全技术交底"), null);
    }

    private ResponseEntity<JsonNode> record(Party party, long visitId, VisitRecordRequest request) {
        return http.withBasicAuth(party.user(), party.user()).postForEntity("/api/visits/" + visitId + "/record", request,
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> report(Party party, long visitId, VisitReportRequest request) {
        return http.withBasicAuth(party.user(), party.user()).postForEntity("/api/visits/" + visitId + "/report", request,
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> requestExtra(String user, long policyId) {
        return http.withBasicAuth(user, user).postForEntity("/api/visits/requests",
                new ExtraVisitRequest(policyId, "塔吊附近发现异常"), JsonNode.class);
    }

    /** The embedded form as the Tasklist loads it for the task (deployment-bound, DESIGN.md §7). */
    private String deployedForm(Party party, String taskId) {
        ResponseEntity<String> form = http.withBasicAuth(party.user(), party.user())
                .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).as(String.valueOf(form.getBody())).isEqualTo(HttpStatus.OK);
        return form.getBody();
    }

    private void completeAs(Party party, String taskId, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(party.user(), List.of(party.group()));
        try {
            engine.getTaskService().complete(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String content(MimeMessage mail) {
        return ReceivedMails.text(mail);
    }

    private static MimeMessage awaitMail(String recipient, String subjectPart) {
        return ReceivedMails.await(smtp, recipient, subjectPart);
    }
}
