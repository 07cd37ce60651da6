package org.anzexian.supervision.assessment;

import static org.anzexian.supervision.assessment.AssessmentCases.CST;
import static org.anzexian.supervision.assessment.AssessmentCases.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.FiledInsurers;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ArchiveVerification;
import org.anzexian.platform.archive.OrganizationArchive;
import org.anzexian.platform.archive.OrganizationArchiveEntry;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.PortalClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.Party;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The periodic assessment (N9.2) over fixture periods in the past, with cases written straight into the
 * business tables: each measure and its cases, the score and grade of DMN {@code assessmentScore}, the
 * ranking, {@code /api/assessments}, and the city bureau's task after an organization was last twice in a row.
 */
abstract class AssessmentContract {

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    @Autowired
    AssessmentService assessments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InsurerGate insurerGate;

    @Autowired
    InsurerFilingService insurerFilings;

    @Autowired
    OrganizationArchive organizationArchive;

    @Autowired
    OrganizationService organizations;

    @Autowired
    GroupDirectory groups;

    @Autowired
    FileStore files;

    @Autowired
    Clock clock;

    InsuredProjects fixtures;
    FiledInsurers filedInsurers;
    AssessmentCases cases;
    long projectId;
    long builderId;
    long policyId;

    @BeforeEach
    void fixtures() {
        fixtures = new InsuredProjects(context);
        filedInsurers = new FiledInsurers(organizations, groups, files, insurerFilings, engine, clock);
        policyId = jdbc.sql("SELECT MIN(id) FROM policy").query(Long.class).single();
        projectId = jdbc.sql("SELECT project_id FROM policy WHERE id = :id").param("id", policyId).query(Long.class).single();
        builderId = jdbc.sql("SELECT construction_unit_id FROM project WHERE id = :id").param("id", projectId)
                .query(Long.class).single();
        cases = new AssessmentCases(jdbc, projectId);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachMeasureIsCountedWithItsCasesScoredByTheDmnAndRankedPerKind_N9_2() {
        Party insurerA = fixtures.party(OrganizationType.INSURER, "140902");
        Party insurerB = fixtures.party(OrganizationType.INSURER, "140902");
        Party orgS1 = fixtures.party(OrganizationType.SERVICE_ORG, "140902");
        Party orgS2 = fixtures.party(OrganizationType.SERVICE_ORG, "140902");
        // insurer A: one late registration, one late acknowledgement; on-time and out-of-period cases do not count
        long lateTeamA = cases.registration(insurerA, at(2021, 2, 1), true);
        cases.registration(insurerA, at(2021, 4, 2), true);
        long lateAckA = claim(insurerA, at(2021, 2, 10), at(2021, 2, 11), null, null);
        claim(insurerA, at(2021, 2, 10), at(2021, 2, 9), null, null);
        // insurer B: a decision never taken and a payment recorded late, one late registration
        long lateTeamB = cases.registration(insurerB, at(2021, 3, 1), true);
        long slowB = claim(insurerB, at(2021, 1, 5), at(2021, 1, 5), at(2021, 3, 1), at(2021, 3, 20));
        // hazards of their projects: A's closed before its deadline, B's escalated to the county
        long closedA = hazard(insurerA, orgS1, at(2021, 2, 5), at(2021, 2, 3), null);
        long escalatedB = hazard(insurerB, orgS2, at(2021, 2, 5), null, at(2021, 2, 6));
        // S1: two visits on time, one missed; S2: one late visit with a late report, one missed, one refused
        long doneS1a = visit(orgS1, insurerA, "VISITED", at(2021, 1, 20), at(2021, 1, 19), false, false);
        long doneS1b = visit(orgS1, insurerA, "REPORTED", at(2021, 2, 20), at(2021, 2, 18), false, false);
        long missedS1 = visit(orgS1, insurerA, "OPEN", at(2021, 3, 1), null, true, false);
        long lateS2 = visit(orgS2, insurerB, "REPORTED", at(2021, 1, 20), at(2021, 1, 25), false, true);
        long missedS2 = visit(orgS2, insurerB, "OPEN", at(2021, 2, 1), null, true, false);
        long refusedS2 = visit(orgS2, insurerB, "REFUSED", at(2021, 3, 1), at(2021, 3, 1), false, false);

        assertThat(assessments.assess(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 4, 1))).isEmpty();

        List<Assessment> ranking = assessments.ranking(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 4, 1));
        assertThat(ranking).extracting(Assessment::organizationId, Assessment::rank, Assessment::rankedOf)
                .containsExactly(tuple(insurerA.id(), 1, 2),
                        tuple(insurerB.id(), 2, 2),
                        tuple(orgS1.id(), 1, 2),
                        tuple(orgS2.id(), 2, 2));
        Assessment a = detail(ranking.get(0));
        assertThat(a.score()).isEqualByComparingTo("90");
        assertThat(a.grade()).isEqualTo("优秀");
        assertThat(cases(a, Measure.TEAM_REGISTERED_LATE)).containsExactly("serviceTeamRegistration:" + lateTeamA);
        assertThat(cases(a, Measure.CLAIM_ACKNOWLEDGED_LATE)).containsExactly("claim:" + lateAckA);
        assertThat(cases(a, Measure.CLAIM_DECIDED_LATE)).isEmpty();
        assertThat(cases(a, Measure.HAZARD_CLOSED_ON_TIME)).containsExactly("hazard:" + closedA);
        assertThat(cases(a, Measure.HAZARD_ESCALATED)).isEmpty();
        Assessment b = detail(ranking.get(1));
        assertThat(b.score()).isEqualByComparingTo("77");
        assertThat(b.grade()).isEqualTo("良好");
        assertThat(cases(b, Measure.TEAM_REGISTERED_LATE)).containsExactly("serviceTeamRegistration:" + lateTeamB);
        assertThat(cases(b, Measure.CLAIM_DECIDED_LATE)).containsExactly("claim:" + slowB);
        assertThat(cases(b, Measure.CLAIM_PAID_LATE)).containsExactly("claim:" + slowB);
        assertThat(cases(b, Measure.HAZARD_ESCALATED)).containsExactly("hazard:" + escalatedB);
        assertThat(cases(b, Measure.HAZARD_CLOSED_ON_TIME)).isEmpty();
        Assessment s1 = detail(ranking.get(2));
        assertThat(s1.score()).isEqualByComparingTo("90");
        assertThat(cases(s1, Measure.VISIT_DONE)).containsExactly("visit:" + doneS1a, "visit:" + doneS1b);
        assertThat(cases(s1, Measure.VISIT_MISSED)).containsExactly("visit:" + missedS1);
        assertThat(cases(s1, Measure.VISIT_LATE)).isEmpty();
        Assessment s2 = detail(ranking.get(3));
        assertThat(s2.score()).isEqualByComparingTo("85");
        assertThat(s2.grade()).isEqualTo("良好");
        assertThat(cases(s2, Measure.VISIT_DONE)).containsExactly("visit:" + lateS2);
        assertThat(cases(s2, Measure.VISIT_LATE)).containsExactly("visit:" + lateS2);
        assertThat(cases(s2, Measure.REPORT_LATE)).containsExactly("visit:" + lateS2);
        assertThat(cases(s2, Measure.VISIT_MISSED)).containsExactly("visit:" + missedS2);
        assertThat(cases(s2, Measure.VISIT_REFUSED)).containsExactly("visit:" + refusedS2);

        // a second run over the same period (a retried job) changes nothing
        assessments.assess(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 4, 1));
        assertThat(assessments.ranking(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 4, 1))).hasSize(4);

        // /api: the city sees every row, an organization only its own and its cases, a builder nothing
        ResponseEntity<JsonNode> city = http.withBasicAuth("city", "city")
                .getForEntity("/api/assessments?size=200", JsonNode.class);
        assertThat(city.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(city.getBody().path("items").findValuesAsText("id")).contains(String.valueOf(a.id()), String.valueOf(b.id()));
        ResponseEntity<JsonNode> own = http.withBasicAuth(insurerA.user(), insurerA.user())
                .getForEntity("/api/assessments", JsonNode.class);
        assertThat(own.getBody().path("items").findValuesAsText("organizationId")).containsOnly(String.valueOf(insurerA.id()));
        ResponseEntity<JsonNode> ownDetail = http.withBasicAuth(insurerA.user(), insurerA.user())
                .getForEntity("/api/assessments/" + a.id(), JsonNode.class);
        assertThat(ownDetail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownDetail.getBody().toString()).contains("claim:" + lateAckA).contains("报案受理超时");
        assertThat(http.withBasicAuth(insurerB.user(), insurerB.user())
                .getForEntity("/api/assessments/" + a.id(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(insurerB.user(), insurerB.user())
                .getForEntity("/api/assessments?organizationId=" + insurerA.id(), JsonNode.class).getBody()
                .path("total").asLong()).isZero();
        Party builder = fixtures.party(OrganizationType.CONSTRUCTION_UNIT, "140902");
        assertThat(http.withBasicAuth(builder.user(), builder.user()).getForEntity("/api/assessments", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anInsurerLastTwoPeriodsInARowGoesToTheCityBureauWhoseSuspensionActsThroughTheInsurerGate_N9_2() {
        // a filed insurer of this test's own, so that suspending it touches no one else's fixture or the demo
        FiledInsurers.Insurer fresh = filedInsurers.filed();
        long filedInsurer = fresh.organization().id();
        Party better = fixtures.party(OrganizationType.INSURER, "140902");
        Party filed = new Party(filedInsurer, "", "", "", "");
        cases.registration(filed, at(2022, 2, 1), true);
        cases.registration(better, at(2022, 2, 1), false);
        assertThat(assessments.assess(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 4, 1))).isEmpty();
        cases.registration(filed, at(2022, 5, 1), true);
        cases.registration(better, at(2022, 5, 1), false);

        // the quarter's timer fires on 1 July: it assesses April to June, the filed insurer is last again
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2022, 7, 1, 2, 0, 0, 0, CST).toInstant()));
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(PeriodicAssessmentProcess.KEY)
                .timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        runJobs();

        Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(PeriodicAssessmentProcess.KEY)
                .taskDefinitionKey(PeriodicAssessmentProcess.TASK_DECIDE_MEASURES).singleResult();
        assertThat(task).isNotNull();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo("20220701");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup(PlatformGroups.CITY_BUREAU)
                .count()).isEqualTo(1);
        assertThat(engine.getTaskService().getVariable(task.getId(), PeriodicAssessmentProcess.VAR_ORGANIZATION_ID))
                .isEqualTo(filedInsurer);
        assertThat(engine.getTaskService().getVariable(task.getId(), "caseSummary"))
                .as("the task names the organization and the period with its last day")
                .isEqualTo("全市 · 考核末位处理 · " + fresh.organization().name() + " · 2022-04-01 至 2022-06-30");
        List<Assessment> q2 = assessments.ranking(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 7, 1));
        assertThat(q2).extracting(Assessment::organizationId).containsExactly(better.id(), filedInsurer);
        // published: one notice per ranked organization, to it and the city bureau, naming grade and rank
        for (Assessment row : q2) {
            String body = jdbc.sql("SELECT body FROM notification_notice WHERE reference = :ref")
                    .param("ref", "assessment:" + row.id()).query(String.class).single();
            assertThat(body).contains(row.grade()).contains("第 " + row.rank() + " 名（共 2 家）");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery d JOIN notification_notice n ON n.id = d.notice_id"
                + " WHERE n.reference = :ref AND d.recipient = :mail").param("ref", "assessment:" + q2.get(0).id())
                .param("mail", better.email()).query(Long.class).single()).isEqualTo(1);

        assertThat(insurerGate.isFiled(filedInsurer)).isTrue();
        Map<String, String> decision = Map.of(PeriodicAssessmentProcess.VAR_MEASURE, "SUSPEND",
                PeriodicAssessmentProcess.VAR_MEASURE_REASON, "连续两个季度排名末位");
        EngineDoors doors = new EngineDoors(port);
        assertThat(doors.as(EngineDoors.Door.ENGINE_REST, "xinfu", "xinfu").completeTask(task.getId(), decision).status())
                .as("a county authority does not decide the city's measures").isEqualTo(403);
        assertThat(insurerGate.isFiled(filedInsurer)).isTrue();
        // the city cannot turn the task on another organization by sending its id along (DESIGN.md §2a)
        Map<String, String> aimedElsewhere = new HashMap<>(decision);
        aimedElsewhere.put(PeriodicAssessmentProcess.VAR_ORGANIZATION_ID, String.valueOf(better.id()));
        assertThat(doors.as(EngineDoors.Door.ENGINE_REST, "city", "city").completeTask(task.getId(), aimedElsewhere).status())
                .isEqualTo(400);
        assertThatThrownBy(() -> assessments.applyMeasure(better.id(), LocalDate.of(2022, 7, 1), BottomMeasure.TALK, "不是末位"))
                .as("the service itself disciplines only the period's last").isInstanceOf(ConflictException.class)
                .hasMessageContaining("不是末位");
        assertThat(assessments.ranking(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 7, 1)))
                .extracting(Assessment::bureauMeasure).containsOnlyNulls();
        assertThat(doors.as(EngineDoors.Door.ENGINE_REST, "city", "city").completeTask(task.getId(), decision).status())
                .isEqualTo(204);
        assertThat(insurerGate.isFiled(filedInsurer)).isFalse();
        assertThat(assessments.ranking(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 7, 1)).get(1).bureauMeasure())
                .isEqualTo(BottomMeasure.SUSPEND);
        // the decision is archived in the insurer's chain after its published assessment
        assertThat(organizationArchive.entries(filedInsurer)).extracting(OrganizationArchiveEntry::event)
                .containsExactly("ASSESSMENT_PUBLISHED", "ASSESSMENT_MEASURE_DECIDED");
        assertThat(organizationArchive.verify(filedInsurer).intact()).isTrue();
    }

    @Test
    void eachPublishedAssessmentIsArchivedOnceInItsOrganizationsChainWhereTamperingShows_N9_2() {
        Party first = fixtures.party(OrganizationType.INSURER, "140902");
        Party second = fixtures.party(OrganizationType.INSURER, "140902");
        cases.registration(first, at(2019, 2, 1), false);
        cases.registration(second, at(2019, 2, 1), true);
        LocalDate from = LocalDate.of(2019, 1, 1);
        LocalDate to = LocalDate.of(2019, 4, 1);
        assessments.assess(from, to);
        assessments.publish(from, to);
        assessments.publish(from, to); // a retried job archives nothing twice

        for (Assessment row : assessments.ranking(from, to)) {
            List<OrganizationArchiveEntry> chain = organizationArchive.entries(row.organizationId());
            assertThat(chain).singleElement().satisfies(entry -> {
                assertThat(entry.subject()).isEqualTo(ArchiveSubject.ASSESSMENT);
                assertThat(entry.subjectId()).isEqualTo(row.id());
                assertThat(entry.event()).isEqualTo("ASSESSMENT_PUBLISHED");
                assertThat(entry.detail()).contains("2019-01-01 至 2019-03-31", row.organizationName(),
                        "得分 " + row.score().toPlainString(), row.grade(), "第 " + row.rank() + " 名（共 2 家）");
            });
            assertThat(organizationArchive.verify(row.organizationId()).intact()).isTrue();
        }
        // the database refuses to change or remove an entry
        long entryId = organizationArchive.entries(second.id()).get(0).id();
        assertThatThrownBy(() -> jdbc.sql("UPDATE organization_archive SET detail = '第 1 名' WHERE id = :id")
                .param("id", entryId).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM organization_archive WHERE id = :id").param("id", entryId).update())
                .hasMessageContaining("append-only");
        // a chain altered behind the database's back (a restored copy, say) fails verification at the entry
        OrganizationArchiveEntry e = organizationArchive.entries(second.id()).get(0);
        OrganizationArchiveEntry altered = new OrganizationArchiveEntry(e.id(), e.organizationId(), e.seq(), e.subject(),
                e.subjectId(), e.event(), e.actor(), e.detail().replace("第 2 名", "第 1 名"), e.recordedAt(),
                e.previousHash(), e.entryHash());
        ArchiveVerification verification = OrganizationArchive.verify(List.of(altered));
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(1L);

        // /api: the organization reads its chain, another insurer does not, the city bureau does
        String path = "/api/organizations/" + second.id() + "/assessment-archive";
        ResponseEntity<JsonNode> own = http.withBasicAuth(second.user(), second.user()).getForEntity(path, JsonNode.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("verification").path("intact").asBoolean()).isTrue();
        assertThat(own.getBody().path("entries").size()).isEqualTo(1);
        assertThat(http.withBasicAuth(first.user(), first.user()).getForEntity(path, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("city", "city").getForEntity(path, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCountySeesTheAssessmentsOfTheOrganizationsWorkingInItsArea_N9_2() {
        Party near = fixtures.party(OrganizationType.INSURER, "140902");
        Party far = fixtures.party(OrganizationType.INSURER, "140981");
        cases.registration(near, at(2019, 5, 1), false, "140902");
        cases.registration(far, at(2019, 5, 1), true, "140981");
        assessments.assess(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 7, 1));
        List<Assessment> ranking = assessments.ranking(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 7, 1));
        long nearId = ranking.stream().filter(a -> a.organizationId() == near.id()).findFirst().orElseThrow().id();
        long farId = ranking.stream().filter(a -> a.organizationId() == far.id()).findFirst().orElseThrow().id();

        // /api: 忻府区 sees the insurer working there and not the other, 原平市 the other way round
        assertThat(ids(http.withBasicAuth("xinfu", "xinfu")
                .getForEntity("/api/assessments?periodEnd=2019-07-01&size=200", JsonNode.class)))
                .contains(nearId).doesNotContain(farId);
        assertThat(ids(http.withBasicAuth("yuanping", "yuanping")
                .getForEntity("/api/assessments?periodEnd=2019-07-01&size=200", JsonNode.class)))
                .contains(farId).doesNotContain(nearId);
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/assessments/" + nearId, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/assessments/" + farId, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/assessments/" + farId, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // the portal, scoped the same
        PortalClient xinfu = PortalClient.loggedIn(port, "xinfu");
        HttpResponse<String> page = xinfu.get("/portal/assessments?periodEnd=2019-07-01");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(near.name()).doesNotContain(far.name());
        assertThat(xinfu.get("/portal/assessments/" + nearId).statusCode()).isEqualTo(200);
        assertThat(xinfu.get("/portal/assessments/" + farId).statusCode()).isEqualTo(404);
        PortalClient yuanping = PortalClient.loggedIn(port, "yuanping");
        assertThat(yuanping.get("/portal/assessments?periodEnd=2019-07-01").body()).contains(far.name())
                .doesNotContain(near.name());
        assertThat(yuanping.get("/portal/assessments/" + farId).statusCode()).isEqualTo(200);
    }

    @Test
    void declinedQuotationsAreCountedWithTheirReasonsAndRatesWithTheirCases_N4_4_N9_2() {
        Party insurer = fixtures.party(OrganizationType.INSURER, "140902");
        long atQuote = cases.declinedQuotation(insurer, builderId, "DECLINED", at(2019, 8, 1), "项目位于地质灾害高风险区，超出承保能力");
        long atReview = cases.declinedQuotation(insurer, builderId, "UNDERWRITING_DECLINED", at(2019, 8, 5),
                "投保资料不全，退回补正后仍未提交");
        cases.declinedQuotation(insurer, builderId, "DECLINED", at(2019, 10, 2), "下一考核期的拒绝不计入");
        long late = cases.registration(insurer, at(2019, 8, 10), true);
        long onTime = cases.registration(insurer, at(2019, 9, 10), false);
        assessments.assess(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 10, 1));

        Assessment a = detail(assessments.ranking(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 10, 1)).stream()
                .filter(row -> row.organizationId() == insurer.id()).findFirst().orElseThrow());
        Assessment.Figure declined = a.measures().stream().filter(f -> f.measure() == Measure.QUOTATION_DECLINED)
                .findFirst().orElseThrow();
        assertThat(declined.figure()).isEqualTo(2);
        assertThat(declined.details()).extracting(Assessment.Case::ref, Assessment.Case::page, Assessment.Case::note)
                .containsExactly(tuple("quotation:" + atQuote, "project/" + projectId, "项目位于地质灾害高风险区，超出承保能力"),
                        tuple("quotation:" + atReview, "project/" + projectId, "投保资料不全，退回补正后仍未提交"));
        assertThat(cases(a, Measure.TEAM_REGISTRATIONS_DUE)).containsExactly("serviceTeamRegistration:" + late,
                "serviceTeamRegistration:" + onTime);
        // rates: one of two registrations late, no claims reported
        assertThat(a.rates()).extracting(Assessment.RateFigure::rate, Assessment.RateFigure::numerator,
                Assessment.RateFigure::denominator).containsExactly(
                        tuple(Rate.TEAM_REGISTERED_LATE_RATE, 1, 2), tuple(Rate.CLAIM_ACKNOWLEDGED_LATE_RATE, 0, 0));
        assertThat(a.rates().get(0).percent()).isEqualByComparingTo("50.0");
        // the score: the DMN's 5 points for the late registration; declines and rates weigh 0 by default
        assertThat(a.score()).isEqualByComparingTo("95");
        assertThat(assessments.pointsOff(a)).containsEntry("TEAM_REGISTERED_LATE", new java.math.BigDecimal("5.00"))
                .containsEntry("QUOTATION_DECLINED", new java.math.BigDecimal("0.00"));
        // /api shows the reasons to the insurer
        assertThat(http.withBasicAuth(insurer.user(), insurer.user()).getForEntity("/api/assessments/" + a.id(), String.class)
                .getBody()).contains("项目位于地质灾害高风险区", "TEAM_REGISTERED_LATE_RATE");
    }

    @Test
    void thePortalRanksEachKindWithTheChangeSinceThePeriodBeforeAndExportsTheSameToExcel_N9_2() throws Exception {
        Party x = fixtures.party(OrganizationType.INSURER, "140902");
        Party y = fixtures.party(OrganizationType.INSURER, "140902");
        Party s = fixtures.party(OrganizationType.SERVICE_ORG, "140902");
        cases.registration(x, at(2018, 2, 1), true);
        cases.registration(y, at(2018, 2, 1), false);
        assessments.assess(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 4, 1));
        cases.registration(x, at(2018, 5, 1), false);
        cases.registration(y, at(2018, 5, 1), true);
        long missed = visit(s, x, "OPEN", at(2018, 5, 10), null, true, false);
        assessments.assess(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 7, 1));
        List<Assessment> q2 = assessments.ranking(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 7, 1));
        long xId = q2.stream().filter(r -> r.organizationId() == x.id()).findFirst().orElseThrow().id();
        long sId = q2.stream().filter(r -> r.organizationId() == s.id()).findFirst().orElseThrow().id();

        PortalClient city = PortalClient.loggedIn(port, "city");
        HttpResponse<String> ranking = city.get("/portal/assessments?periodEnd=2018-07-01");
        assertThat(ranking.statusCode()).isEqualTo(200);
        String body = ranking.body();
        assertThat(body).contains("2018-04-01 至 2018-06-30 考核排名", "保险机构", "第三方技术服务机构", x.name(), y.name(),
                s.name(), "/api/assessments.xlsx?periodEnd=2018-07-01", "导出 Excel");
        // x moved up from 2nd to 1st (+5 points), y down; s is new
        String xLine = body.substring(body.indexOf(x.name()), body.indexOf("</tr>", body.indexOf(x.name())));
        assertThat(xLine).contains("↑1", "+5.00", "100.00");
        String yLine = body.substring(body.indexOf(y.name()), body.indexOf("</tr>", body.indexOf(y.name())));
        assertThat(yLine).contains("↓1", "-5.00");
        assertThat(body.substring(body.indexOf(s.name()))).contains("新参评");
        assertThat(city.get("/portal/assessments").statusCode()).isEqualTo(200);

        HttpResponse<String> detail = city.get("/portal/assessments/" + sId);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(s.name(), "2018-04-01 至 2018-06-30", "漏服务", "/portal/cases/visit/" + missed,
                "漏服务率", "哈希链");
        // a rate leads to the cases of its numerator too
        assertThat(detail.body().substring(detail.body().indexOf("<h2>比率</h2>"))).contains("/portal/cases/visit/" + missed);
        assertThat(city.get("/portal/assessments/" + xId).body()).contains("服务团队逾期登记", "到期的服务团队登记");

        // an organization sees its own only; a construction unit nothing
        PortalClient own = PortalClient.loggedIn(port, x.user());
        assertThat(own.get("/portal/assessments?periodEnd=2018-07-01").body()).contains(x.name()).doesNotContain(y.name());
        assertThat(own.get("/portal/assessments/" + xId).statusCode()).isEqualTo(200);
        assertThat(own.get("/portal/assessments/" + sId).statusCode()).isEqualTo(404);
        Party builder = fixtures.party(OrganizationType.CONSTRUCTION_UNIT, "140902");
        PortalClient stranger = PortalClient.loggedIn(port, builder.user());
        assertThat(stranger.get("/portal/assessments").statusCode()).isEqualTo(403);
        assertThat(stranger.get("/portal/assessments/" + xId).statusCode()).isEqualTo(403);

        // the export: the same filters and scope, read back with POI
        List<List<String>> all = sheet(city.getBytes("/api/assessments.xlsx?periodEnd=2018-07-01"), 0);
        assertThat(all.get(0)).startsWith("考核期起", "考核期止", "类别", "机构", "得分", "等级", "排名");
        assertThat(all).anySatisfy(row -> assertThat(row).startsWith("2018-04-01", "2018-06-30", "保险机构", x.name(), "100.0"))
                .anySatisfy(row -> assertThat(row).startsWith("2018-04-01", "2018-06-30", "保险机构", y.name(), "95.0"));
        assertThat(sheet(city.getBytes("/api/assessments.xlsx?periodEnd=2018-07-01"), 1))
                .anySatisfy(row -> assertThat(row).containsSubsequence(s.name(), "漏服务（N8.2）", "visit:" + missed));
        List<List<String>> ownRows = sheet(own.getBytes("/api/assessments.xlsx?periodEnd=2018-07-01"), 0);
        assertThat(ownRows.subList(1, ownRows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.get(3)).isEqualTo(x.name()));
        assertThat(stranger.getBytes("/api/assessments.xlsx").statusCode()).isEqualTo(403);
    }

    private static List<Long> ids(ResponseEntity<JsonNode> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Long> ids = new ArrayList<>();
        page.getBody().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static List<List<String>> sheet(HttpResponse<byte[]> response, int index) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(index);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(switch (cell.getCellType()) {
                    case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                    default -> cell.getStringCellValue();
                }));
                rows.add(cells);
            }
            return rows;
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private void runJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().processDefinitionKey(PeriodicAssessmentProcess.KEY)
                    .executable().messages().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private Assessment detail(Assessment row) {
        return assessments.get(new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)), row.id());
    }

    private static List<String> cases(Assessment assessment, Measure measure) {
        return assessment.measures().stream().filter(f -> f.measure() == measure).findFirst().orElseThrow().cases();
    }

    /** A claim with its service-level dates; the payment, if due, is recorded two days late. */
    private long claim(Party insurer, OffsetDateTime acknowledgementDue, OffsetDateTime acknowledged,
            OffsetDateTime decisionDue, OffsetDateTime paymentDue) {
        jdbc.sql("""
                INSERT INTO claim (policy_id, policy_number, project_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, accident_at, reported_at, place, accident_type, deaths, injuries, description,
                    reporter_name, reporter_phone, channel, reported_by, late, status, acknowledgement_due_at,
                    acknowledged_at, decision_due_at, payment_due_at, payment_recorded_at)
                VALUES (:policy, 'TEST', :project, :insurer, :builder, '140902', :accident, :accident, '工地', 'FALL_FROM_HEIGHT',
                    0, 1, '高处坠落', '报案人', '13800000000', 'ONLINE', 'fixture', FALSE, 'ACKNOWLEDGED', :ackDue,
                    :ack, :decisionDue, :paymentDue, :paid)
                """).param("policy", policyId).param("project", projectId).param("insurer", insurer.id())
                .param("builder", builderId).param("accident", acknowledgementDue.minusHours(2))
                .param("ackDue", acknowledgementDue).param("ack", acknowledged).param("decisionDue", decisionDue)
                .param("paymentDue", paymentDue).param("paid", paymentDue == null ? null : paymentDue.plusDays(2)).update();
        return cases.lastId("claim");
    }

    private long visit(Party serviceOrg, Party insurer, String status, OffsetDateTime due, OffsetDateTime arrived,
            boolean missed, boolean reportLate) {
        jdbc.sql("""
                INSERT INTO visit (policy_id, project_id, service_org_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, kind, status, due_at, reminder_at, missed_at, missed, arrived_at, recorded_at,
                    report_due_at, report_late, created_at)
                VALUES (:policy, :project, :org, :insurer, :builder, '140902', 'EXTRA', :status, :due, :reminder,
                    :missedAt, :missed, :arrived, :arrived, :reportDue, :reportLate, :created)
                """).param("policy", policyId).param("project", projectId).param("org", serviceOrg.id())
                .param("insurer", insurer.id()).param("builder", builderId).param("status", status).param("due", due)
                .param("reminder", due.minusDays(3)).param("missedAt", due.plusDays(3)).param("missed", missed)
                .param("arrived", arrived).param("reportDue", arrived == null ? null : arrived.plusDays(2))
                .param("reportLate", reportLate).param("created", due.minusDays(30)).update();
        return cases.lastId("visit");
    }

    /** A hazard due on {@code deadline}, closed at {@code closed} or escalated to the county at {@code escalated}. */
    private long hazard(Party insurer, Party verifier, OffsetDateTime deadline, OffsetDateTime closed,
            OffsetDateTime escalated) {
        jdbc.sql("""
                INSERT INTO hazard (project_id, policy_id, insurer_org_id, jurisdiction_code, construction_unit_id,
                    verifier_org_id, source, source_id, category, severity, description, location, photos,
                    proposed_measure, status, raised_by, raised_at, round, deadline_at, escalation, closed_at)
                VALUES (:project, :policy, :insurer, '140902', :builder, :verifier, 'VISIT', 1, 'SCAFFOLDING', 'GENERAL',
                    '临边防护缺失', '3 号楼', '', '补设防护栏杆', :status, 'fixture', :raised, 1, :deadline, :escalation, :closed)
                """).param("project", projectId).param("policy", policyId).param("insurer", insurer.id())
                .param("builder", builderId).param("verifier", verifier.id()).param("status", closed == null ? "OPEN" : "CLOSED")
                .param("raised", deadline.minusDays(7)).param("deadline", deadline)
                .param("escalation", escalated == null ? "NONE" : "COUNTY").param("closed", closed).update();
        long id = cases.lastId("hazard");
        jdbc.sql("""
                INSERT INTO hazard_round (hazard_id, round, opened_at, deadline_at, county_escalated_at)
                VALUES (:id, 1, :opened, :deadline, :escalated)
                """).param("id", id).param("opened", deadline.minusDays(7)).param("deadline", deadline)
                .param("escalated", escalated).update();
        return id;
    }

}
