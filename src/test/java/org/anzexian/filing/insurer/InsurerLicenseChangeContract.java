package org.anzexian.filing.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingFixtures.Insurer;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.DueJobs;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.EngineDoors.Answer;
import org.anzexian.support.EngineDoors.Door;
import org.anzexian.support.Processes;
import org.anzexian.support.ReceivedMails;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Licence changes of a filed insurer are a reviewed change filing (#11 finding 5, N3.1, N3.3, N5.2):
 * no door rewrites the licences directly, implausible dates are refused, the filing keeps its licences
 * (and the expiry watch judges them) until the city bureau approves, and every change is recorded.
 */
abstract class InsurerLicenseChangeContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ProcessEngine engine;
    @Autowired
    InsurerFilingService filings;
    @Autowired
    LicenseChangeService changes;
    @Autowired
    InsurerGate gate;
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
    @LocalServerPort
    int port;

    Insurer insurer;
    String reviewer;
    InsurerFiling filed;

    @BeforeEach
    void aFiledInsurerAndAReviewer() {
        BpmnAwareTests.init(engine);
        InsurerFilingFixtures fixtures = new InsurerFilingFixtures(organizations, groups, files);
        insurer = fixtures.branch();
        reviewer = "lreviewer" + insurer.organization().id();
        groups.ensureUser(reviewer, "审核", "人", reviewer + "@filing.test.anzexian.local", reviewer);
        groups.ensureMembership(reviewer, PlatformGroups.CITY_BUREAU);
        filed = approveFiling(filings.submit(insurer.clerk(), InsurerFilingFixtures.passingData(insurer, today())));
        assertThat(filed.status()).isEqualTo(FilingStatus.FILED);
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theOldPutNoLongerRewritesLicencesEvenWithAbsurdDates_N3_1_N3_3() {
        Map<String, Object> absurd = Map.of(
                "businessLicense", Map.of("number", "BL-ABSURD", "validUntil", "0001-01-01", "scanHash", InsurerFilingFixtures.hash('b')),
                "insuranceLicense", Map.of("number", "IL-ABSURD", "validUntil", "9999-12-31", "scanHash", InsurerFilingFixtures.hash('c')));

        ResponseEntity<JsonNode> put = asClerk().exchange("/api/insurer-filings/" + filed.id() + "/licenses",
                HttpMethod.PUT, new HttpEntity<>(absurd), JsonNode.class);

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(put.getBody().get("message").asText()).contains("license-changes").contains("审核");
        assertThat(licensesOf(filed.id())).isEqualTo(licensesOf(filed));
        assertThat(changes.list(insurer.clerk(), filed.id())).isEmpty();
    }

    @Test
    void aChangeWithImplausibleDatesOrNumbersIsRefusedWith400AndNothingIsStored_N3_1_N3_3() {
        long instancesBefore = changeInstances();
        ResponseEntity<JsonNode> absurd = propose(asClerk(), filed.id(), new LicenseUpdate(
                new License("BL-ABSURD", LocalDate.of(1, 1, 1), InsurerFilingFixtures.hash('b')),
                new License("IL-ABSURD", LocalDate.of(9999, 12, 31), InsurerFilingFixtures.hash('c'))));
        assertThat(absurd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(absurd.getBody().get("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("businessLicense.validUntil", "insuranceLicense.validUntil");

        ResponseEntity<JsonNode> expired = propose(asClerk(), filed.id(), new LicenseUpdate(
                new License("BL-OLD1", today().minusDays(1), InsurerFilingFixtures.hash('b')), renewed("IL").insuranceLicense()));
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(expired.getBody().get("fieldErrors").findValuesAsText("field")).containsExactly("businessLicense.validUntil");

        ResponseEntity<JsonNode> badNumber = propose(asClerk(), filed.id(), new LicenseUpdate(
                new License("<script>", today().plusYears(3), InsurerFilingFixtures.hash('b')), renewed("IL").insuranceLicense()));
        assertThat(badNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badNumber.getBody().get("fieldErrors").findValuesAsText("field")).containsExactly("businessLicense.number");

        assertThat(changes.list(insurer.clerk(), filed.id())).isEmpty();
        assertThat(changeInstances()).isEqualTo(instancesBefore);
        assertThat(licensesOf(filed.id())).isEqualTo(licensesOf(filed));

        assertThat(propose(asClerk(), filed.id(), renewed("OK")).getStatusCode()).as("the plausible twin")
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aFilingsOwnLicencesMustBePlausibleToo_N3_1_N3_3() {
        Insurer newcomer = new InsurerFilingFixtures(organizations, groups, files).branch();
        InsurerFilingData data = InsurerFilingFixtures.passingData(newcomer, today());
        InsurerFilingData absurd = FilingDataChanges.licenses(data,
                new License("BL-FAR1", LocalDate.of(9999, 12, 31), InsurerFilingFixtures.hash('b')),
                new License("IL-FAR1", LocalDate.of(1, 1, 1), InsurerFilingFixtures.hash('c')));

        ResponseEntity<JsonNode> refused = http.withBasicAuth(newcomer.clerk().userId(), newcomer.clerk().userId())
                .postForEntity("/api/insurer-filings", absurd, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("businessLicense.validUntil", "insuranceLicense.validUntil");
        assertThat(filings.list(newcomer.clerk(), new PageQuery(0, 5)).total()).isZero();
        assertThat(http.withBasicAuth(newcomer.clerk().userId(), newcomer.clerk().userId())
                .postForEntity("/api/insurer-filings", data, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aValidChangeLeavesTheLicencesUntilTheCityApprovesThenReplacesThemAndIsRecorded_N3_1_N3_3() {
        LicenseUpdate proposed = renewed("NEW");
        ResponseEntity<JsonNode> created = propose(asClerk(), filed.id(), proposed);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long changeId = created.getBody().get("id").asLong();
        ProcessInstance instance = changeInstance(changeId);

        assertThat(instance).isWaitingAt(InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(PlatformGroups.CITY_BUREAU);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), InsurerLicenseChangeProcess.VAR_CHANGE_SUMMARY))
                .contains(filed.data().businessLicense().number()).contains(proposed.businessLicense().number());
        // #12: the task lists tell the case apart; the review is due after anzexian.filing.license-change-review
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), InsurerLicenseChangeProcess.VAR_CASE_SUMMARY))
                .isEqualTo(filed.branchName() + " · 保险机构证照变更");
        org.anzexian.support.TaskDeadlines.assertDueAfterCreation(engine, instance,
                InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE, java.time.Duration.ofDays(5), InsurerFilingFixtures.CITY);
        assertThat(licensesOf(filed.id())).as("unchanged while pending").isEqualTo(licensesOf(filed));
        assertThat(propose(asClerk(), filed.id(), renewed("TWO")).getStatusCode()).as("one pending change at a time")
                .isEqualTo(HttpStatus.CONFLICT);

        review(instance, "approve", null);
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(InsurerLicenseChangeProcess.END_APPLIED);
        assertThat(licensesOf(filed.id())).isEqualTo(proposed);
        assertThat(filings.get(insurer.clerk(), filed.id()).status()).isEqualTo(FilingStatus.FILED);
        JsonNode recorded = asClerk().getForEntity("/api/insurer-filings/" + filed.id() + "/license-changes", JsonNode.class)
                .getBody();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(recorded.get(0).get("proposedBy").asText()).isEqualTo(insurer.clerk().userId());
        assertThat(recorded.get(0).get("decidedBy").asText()).isEqualTo(reviewer);
        assertThat(recorded.get(0).at("/before/businessLicense/number").asText()).isEqualTo(filed.data().businessLicense().number());
        assertThat(recorded.get(0).at("/proposed/businessLicense/number").asText()).isEqualTo(proposed.businessLicense().number());
        assertThat(http.withBasicAuth("city", "city").getForEntity("/api/insurer-filings/" + filed.id() + "/license-changes",
                JsonNode.class).getBody()).hasSize(1);
        assertThat(ReceivedMails.text(ReceivedMails.await(smtp, insurer.email(), "证照变更已准予")))
                .contains(proposed.businessLicense().number());
    }

    @Test
    void aRejectedChangeLeavesTheLicencesAndTellsTheInsurerWhy_N3_1_N3_3() {
        LicenseChange change = changes.propose(insurer.clerk(), filed.id(), renewed("REJ"));
        ProcessInstance instance = changeInstance(change.id());

        assertThatThrownBy(() -> review(instance, "reject", " ")).hasMessageContaining("理由");
        assertThat(instance).isWaitingAt(InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE);
        review(instance, "reject", "扫描件与证照编号不符");
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(InsurerLicenseChangeProcess.END_REJECTED);
        assertThat(licensesOf(filed.id())).isEqualTo(licensesOf(filed));
        assertThat(changes.list(InsurerFilingFixtures.CITY, filed.id())).singleElement().satisfies(recorded -> {
            assertThat(recorded.status()).isEqualTo(LicenseChange.Status.REJECTED);
            assertThat(recorded.reason()).isEqualTo("扫描件与证照编号不符");
            assertThat(recorded.decidedBy()).isEqualTo(reviewer);
            assertThat(recorded.appliedAt()).isNull();
        });
        assertThat(ReceivedMails.text(ReceivedMails.await(smtp, insurer.email(), "证照变更未予准许"))).contains("扫描件与证照编号不符");
        assertThat(propose(asClerk(), filed.id(), renewed("AGAIN")).getStatusCode()).as("a new change after a rejection")
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void onlyTheFilingsOwnInsurerProposesAChangeThroughApi() {
        Insurer other = new InsurerFilingFixtures(organizations, groups, files).branch();
        assertThat(propose(http.withBasicAuth(other.clerk().userId(), other.clerk().userId()), filed.id(), renewed("X"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(propose(http.withBasicAuth("sijian", "sijian"), filed.id(), renewed("X")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(propose(http.withBasicAuth("city", "city"), filed.id(), renewed("X")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(other.clerk().userId(), other.clerk().userId())
                .getForEntity("/api/insurer-filings/" + filed.id() + "/license-changes", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(changes.list(InsurerFilingFixtures.CITY, filed.id())).isEmpty();

        assertThat(propose(asClerk(), filed.id(), renewed("OWN")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theStartFormProposesOnlyForTheClerksOwnFilingAndOnlyItsDeclaredFields() {
        EngineDoors doors = new EngineDoors(port);
        long before = changeInstances();
        Map<String, Object> form = startForm("FORM");

        Map<String, Object> naming = new HashMap<>(form);
        naming.put(InsurerLicenseChangeProcess.VAR_FILING_ID, filed.id());
        Insurer other = new InsurerFilingFixtures(organizations, groups, files).branch();
        approveFiling(filings.submit(other.clerk(), InsurerFilingFixtures.passingData(other, today())));
        Answer namesAnotherFiling = doors.as(Door.ENGINE_REST, other.clerk().userId(), other.clerk().userId())
                .start(InsurerLicenseChangeProcess.KEY, null, naming);
        assertThat(namesAnotherFiling.status()).as(namesAnotherFiling.body()).isEqualTo(400);
        Answer withBusinessKey = doors.as(Door.ENGINE_REST, other.clerk().userId(), other.clerk().userId())
                .start(InsurerLicenseChangeProcess.KEY, String.valueOf(filed.id()), form);
        assertThat(withBusinessKey.status()).as(withBusinessKey.body()).isEqualTo(400);
        Answer builder = doors.as(Door.ENGINE_REST, "sijian", "sijian").start(InsurerLicenseChangeProcess.KEY, null, form);
        assertThat(builder.status()).as(builder.body()).isIn(403, 404);
        Map<String, Object> absurd = new HashMap<>(form);
        absurd.put(InsurerLicenseChangeProcess.FIELD_BUSINESS_VALID_UNTIL, "9999-12-31");
        Answer implausible = doors.as(Door.TASKLIST_API, insurer.clerk().userId(), insurer.clerk().userId())
                .start(InsurerLicenseChangeProcess.KEY, null, absurd);
        assertThat(implausible.status()).as(implausible.body()).isEqualTo(400);
        assertThat(implausible.body()).contains("有效期至");
        assertThat(changeInstances()).isEqualTo(before);
        assertThat(changes.list(InsurerFilingFixtures.CITY, filed.id())).isEmpty();

        Answer started = doors.as(Door.TASKLIST_API, insurer.clerk().userId(), insurer.clerk().userId())
                .start(InsurerLicenseChangeProcess.KEY, null, form);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        LicenseChange change = changes.list(insurer.clerk(), filed.id()).get(0);
        assertThat(change.id()).isEqualTo(Long.parseLong(started.json().path("businessKey").asText()));
        assertThat(change.proposedBy()).isEqualTo(insurer.clerk().userId());
        assertThat(change.proposed().businessLicense().number()).isEqualTo(form.get("businessLicenseNumber"));
        assertThat(changeInstance(change.id())).isWaitingAt(InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE);
    }

    @Test
    void onlyTheCityBureauCompletesTheReviewAtEveryEngineDoor() {
        EngineDoors doors = new EngineDoors(port);
        LicenseChange change = changes.propose(insurer.clerk(), filed.id(), renewed("REV"));
        ProcessInstance instance = changeInstance(change.id());
        String taskId = BpmnAwareTests.task(instance).getId();
        Map<String, Object> approve = Map.of(InsurerLicenseChangeProcess.VAR_REVIEW_DECISION, "approve");

        for (Door door : Door.values()) {
            Answer byInsurer = doors.as(door, insurer.clerk().userId(), insurer.clerk().userId()).completeTask(taskId, approve);
            assertThat(byInsurer.status()).as(door + " " + byInsurer.body()).isIn(403, 404);
            Answer byBuilder = doors.as(door, "sijian", "sijian").completeTask(taskId, approve);
            assertThat(byBuilder.status()).as(door + " " + byBuilder.body()).isIn(403, 404);
        }
        assertThat(instance).isWaitingAt(InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE);
        assertThat(changes.list(InsurerFilingFixtures.CITY, filed.id())).singleElement()
                .extracting(LicenseChange::status).isEqualTo(LicenseChange.Status.PENDING);

        Answer byCity = doors.as(Door.ENGINE_REST, reviewer, reviewer).completeTask(taskId, approve);
        assertThat(byCity.status()).as(byCity.body()).isEqualTo(204);
        DueJobs.run(engine, instance);
        assertThat(licensesOf(filed.id())).isEqualTo(change.proposed());
    }

    @Test
    void anInsurerWhoseLicenceExpiresWhileAChangeIsPendingIsStillSuspended_N5_2() {
        Insurer expiring = new InsurerFilingFixtures(organizations, groups, files).branch();
        InsurerFilingData data = FilingDataChanges.licenses(InsurerFilingFixtures.passingData(expiring, today()),
                new License("BL-SOON", today().plusDays(10), InsurerFilingFixtures.hash('b')),
                InsurerFilingFixtures.passingData(expiring, today()).insuranceLicense());
        InsurerFiling filing = approveFiling(filings.submit(expiring.clerk(), data));
        LicenseChange pending = changes.propose(expiring.clerk(), filing.id(), renewed("LATE"));

        Processes.moveClock(Duration.ofDays(11));
        WatchReport report = filings.watchExpiries();

        assertThat(report.suspendedFilingIds()).contains(filing.id());
        assertThat(filings.get(expiring.clerk(), filing.id()).status()).isEqualTo(FilingStatus.SUSPENDED);
        assertThat(filings.get(expiring.clerk(), filing.id()).suspensionReason()).contains("BL-SOON");
        assertThat(gate.isFiled(expiring.organization().id())).isFalse();
        assertThat(changes.list(expiring.clerk(), filing.id())).singleElement()
                .extracting(LicenseChange::status).isEqualTo(LicenseChange.Status.PENDING);

        ProcessInstance instance = changeInstance(pending.id());
        review(instance, "approve", null);
        DueJobs.run(engine, instance);
        assertThat(filings.get(expiring.clerk(), filing.id()).status()).isEqualTo(FilingStatus.SUSPENDED);
        assertThat(filings.reinstate(InsurerFilingFixtures.CITY, filing.id()).status()).isEqualTo(FilingStatus.FILED);
    }

    // --- helpers -----------------------------------------------------------------------------

    TestRestTemplate asClerk() {
        return http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId());
    }

    static ResponseEntity<JsonNode> propose(TestRestTemplate as, long filingId, LicenseUpdate proposed) {
        return as.postForEntity("/api/insurer-filings/" + filingId + "/license-changes", proposed, JsonNode.class);
    }

    /** Plausible renewed licences, valid three years, with stored scans; {@code tag} makes the numbers unique. */
    LicenseUpdate renewed(String tag) {
        return new LicenseUpdate(new License("BL-" + tag + "-" + insurer.organization().id(), today().plusYears(3),
                InsurerFilingFixtures.hash('9')),
                new License("IL-" + tag + "-" + insurer.organization().id(), today().plusYears(3), InsurerFilingFixtures.hash('1')));
    }

    Map<String, Object> startForm(String tag) {
        LicenseUpdate licenses = renewed(tag);
        Map<String, Object> form = new HashMap<>();
        form.put(InsurerLicenseChangeProcess.FIELD_BUSINESS_NUMBER, licenses.businessLicense().number());
        form.put(InsurerLicenseChangeProcess.FIELD_BUSINESS_VALID_UNTIL, licenses.businessLicense().validUntil().toString());
        form.put(InsurerLicenseChangeProcess.FIELD_BUSINESS_FILE, InsurerFilingFixtures.upload('9'));
        form.put(InsurerLicenseChangeProcess.FIELD_INSURANCE_NUMBER, licenses.insuranceLicense().number());
        form.put(InsurerLicenseChangeProcess.FIELD_INSURANCE_VALID_UNTIL, licenses.insuranceLicense().validUntil().toString());
        form.put(InsurerLicenseChangeProcess.FIELD_INSURANCE_FILE, InsurerFilingFixtures.upload('1'));
        return form;
    }

    LicenseUpdate licensesOf(long filingId) {
        return licensesOf(filings.get(InsurerFilingFixtures.CITY, filingId));
    }

    static LicenseUpdate licensesOf(InsurerFiling filing) {
        return new LicenseUpdate(filing.data().businessLicense(), filing.data().insuranceLicense());
    }

    InsurerFiling approveFiling(InsurerFiling filing) {
        ProcessInstance instance = Processes.instance(engine, InsurerFilingProcess.KEY, filing.id());
        complete(BpmnAwareTests.task(instance), Map.of(InsurerFilingProcess.VAR_REVIEW_DECISION, "approve"));
        DueJobs.run(engine, instance);
        return filings.get(InsurerFilingFixtures.CITY, filing.id());
    }

    ProcessInstance changeInstance(long changeId) {
        return Processes.instance(engine, InsurerLicenseChangeProcess.KEY, changeId);
    }

    long changeInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(InsurerLicenseChangeProcess.KEY).count();
    }

    void review(ProcessInstance instance, String decision, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(InsurerLicenseChangeProcess.VAR_REVIEW_DECISION, decision);
        variables.put(InsurerLicenseChangeProcess.VAR_REVIEW_REASON, reason);
        complete(BpmnAwareTests.task(instance), variables);
    }

    void complete(Task task, Map<String, Object> variables) {
        Processes.completeAs(engine, task.getId(), reviewer, List.of(PlatformGroups.CITY_BUREAU), variables);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
