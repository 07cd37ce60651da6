package org.anzexian.hazard;

import static org.anzexian.hazard.HazardRectificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TaskDeadlines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process {@code hazardRectification} as {@link HazardService#raise} starts it, through the engine, the
 * Tasklist's form submission and {@code /api} (#5, N8.9, N6.4, N9.3); H2 and PostgreSQL.
 */
abstract class HazardRectificationContract extends HazardFixtures {

    @Autowired NotificationService notifications;
    @Autowired TransactionTemplate transactions;

    // --- the escalation ladder ---------------------------------------------------------------------

    @Test
    void majorHazardIsReportedAtOnceThenRemindedAndEscalatesToCountyAndCityWhileTheBuilderKeepsItsTask_N8_9()
            throws Exception {
        Site site = site();
        Date raisedAt = ClockUtil.getCurrentTime();
        long id = raise(site, HazardSeverity.MAJOR);
        ProcessInstance instance = instance(id);
        DueJobs.run(engine, instance);

        assertThat(instance).hasPassed(TASK_REPORT_MAJOR_HAZARD);
        assertThat((String) awaitMail(COUNTY_MAIL, "重大事故隐患：" + site.insured().project().name()).getContent())
                .contains(String.valueOf(id)).contains("脚手架工程");
        awaitMail(site.insurer().email(), "重大事故隐患：" + site.insured().project().name());
        assertThat(archivedDetail(id, "MAJOR_HAZARD_REPORTED")).contains("住建部门").contains(site.insurer().name())
                .doesNotContain(site.insurer().group());
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
        assertThat(hazards.require(id).deadlineAt()).isBetween(at(raisedAt, Duration.ofHours(24)),
                at(raisedAt, Duration.ofHours(24).plusMinutes(1)));

        moveClock(raisedAt, Duration.ofHours(17));
        assertThat(DueJobs.of(engine, instance)).isEmpty();
        moveClock(raisedAt, Duration.ofHours(18).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(instance).hasPassed(TASK_REMIND_BUILDER).hasNotPassed(TASK_ESCALATE_TO_COUNTY);
        awaitMail(site.builder().email(), "隐患整改即将到期");

        moveClock(raisedAt, Duration.ofHours(24).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(instance).hasPassed(TASK_ESCALATE_TO_COUNTY).hasNotPassed(TASK_ESCALATE_TO_CITY);
        assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).containsExactly(TASK_COUNTY_SUPERVISION);
        awaitMail(COUNTY_MAIL, "隐患逾期未整改：" + site.insured().project().name());
        assertThat(tasksOf(site.builder().group(), id)).as("the builder's task stays open").containsExactly(TASK_RECTIFY);
        assertThat(hazards.require(id).escalation()).as("the round's stamp sets the hazard's escalation")
                .isEqualTo(HazardEscalation.COUNTY);
        hazards.escalateToCounty(id, hazards.require(id).round());
        assertThat(archivedEvents(id).stream().filter("ESCALATED_TO_COUNTY"::equals)).as("once per round").hasSize(1);

        moveClock(raisedAt, Duration.ofHours(35));
        assertThat(DueJobs.of(engine, instance)).as("major: the city after 12 more hours").isEmpty();
        moveClock(raisedAt, Duration.ofHours(36).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(tasksOf(PlatformGroups.CITY_BUREAU, id)).containsExactly(TASK_CITY_SUPERVISION);
        // #12: the city's supervision is due anzexian.hazard.city-supervision-within (P5D) after the escalation
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_CITY_SUPERVISION, Duration.ofDays(5),
                new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)));
        awaitMail(CITY_MAIL, "隐患逾期升级市级督办：" + site.insured().project().name());
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
        assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).containsExactly(TASK_COUNTY_SUPERVISION);

        JsonNode seenByCounty = http.withBasicAuth("xinfu", "xinfu").getForObject("/api/hazards/" + id, JsonNode.class);
        assertThat(seenByCounty.get("overdue").asBoolean()).isTrue();
        assertThat(seenByCounty.get("escalation").asText()).isEqualTo("CITY");

        assertThat(submitEvidence(site.builder(), id, "已补设连墙件", List.of(photo(site.builder(), "after"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(verify(site.verifier(), id, true, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(END_HAZARD_CLOSED);
        Hazard closed = hazards.require(id);
        assertThat(closed.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.closedBy()).isEqualTo(site.verifier().user());
        awaitMail(site.builder().email(), "隐患已销号");
        awaitMail(COUNTY_MAIL, "隐患已销号：" + site.insured().project().name());
        assertThat(archivedEvents(id)).containsExactly("HAZARD_RAISED", "RECTIFICATION_OPENED", "MAJOR_HAZARD_REPORTED",
                "REMINDER_SENT", "ESCALATED_TO_COUNTY", "ESCALATED_TO_CITY", "EVIDENCE_SUBMITTED", "HAZARD_CLOSED");
    }

    @Test
    void generalHazardIsRemindedOnDaySixEscalatedToTheCountyOnDaySevenAndToTheCityThreeDaysLater_N8_9() throws Exception {
        Site site = site();
        Date raisedAt = ClockUtil.getCurrentTime();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);
        DueJobs.run(engine, instance);
        assertThat(instance).hasNotPassed(TASK_REPORT_MAJOR_HAZARD);
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);

        moveClock(raisedAt, Duration.ofDays(5));
        assertThat(DueJobs.of(engine, instance)).isEmpty();
        moveClock(raisedAt, Duration.ofDays(6).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(instance).hasPassed(TASK_REMIND_BUILDER).hasNotPassed(TASK_ESCALATE_TO_COUNTY);
        awaitMail(site.builder().email(), "隐患整改即将到期");

        moveClock(raisedAt, Duration.ofDays(7).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).containsExactly(TASK_COUNTY_SUPERVISION);
        // #12: the county's supervision is due when the city is called in (DMN hazardDeadline)
        TaskDeadlines.assertDueAt(engine, instance, TASK_COUNTY_SUPERVISION,
                (Date) engine.getRuntimeService().getVariable(instance.getId(), VAR_CITY_ESCALATION_AT),
                new Actor("xinfu", Set.of(PlatformGroups.county(InsuredProjects.COUNTY))));
        awaitMail(COUNTY_MAIL, "隐患逾期未整改：" + site.insured().project().name());

        moveClock(raisedAt, Duration.ofDays(9));
        assertThat(DueJobs.of(engine, instance)).isEmpty();
        moveClock(raisedAt, Duration.ofDays(10).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(tasksOf(PlatformGroups.CITY_BUREAU, id)).containsExactly(TASK_CITY_SUPERVISION);
        // #12: the city's supervision is due anzexian.hazard.city-supervision-within (P5D) after the escalation
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_CITY_SUPERVISION, Duration.ofDays(5),
                new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)));
        awaitMail(CITY_MAIL, "隐患逾期升级市级督办：" + site.insured().project().name());
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
        assertThat(mails(site.insurer().email(), "重大事故隐患")).as("a general hazard is not reported at once").isEmpty();

        completeAs("xinfu", PlatformGroups.county(InsuredProjects.COUNTY), task(id, TASK_COUNTY_SUPERVISION).getId(),
                Map.of(VAR_SUPERVISION_NOTE, "已约谈施工单位项目经理"));
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
        assertThat(archivedEvents(id)).containsSubsequence("REMINDER_SENT", "ESCALATED_TO_COUNTY", "ESCALATED_TO_CITY",
                "COUNTY_SUPERVISION");
    }

    // --- verification --------------------------------------------------------------------------------

    @Test
    void aRejectedRectificationGoesBackToTheBuilderWithANewDeadlineAndTheTasklistFormsCloseItInTheSecondRound_N8_9()
            throws Exception {
        Site site = site();
        Date raisedAt = ClockUtil.getCurrentTime();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);

        moveClock(raisedAt, Duration.ofDays(2));
        String firstTry = photo(site.builder(), "first try");
        assertThat(submitEvidence(site.builder(), id, "已整改", List.of(firstTry)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(tasksOf(site.verifier().group(), id)).containsExactly(TASK_VERIFY);
        // #12: the verification is due verificationWithin after the evidence (DMN hazardDeadline, general: 2 days)
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_VERIFY, Duration.ofDays(2), site.verifier().actor());
        ResponseEntity<byte[]> evidenceSeenByVerifier = http.withBasicAuth(site.verifier().user(), site.verifier().user())
                .getForEntity("/api/hazards/" + id + "/files/" + firstTry, byte[].class);
        assertThat(evidenceSeenByVerifier.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(FileStore.sha256(evidenceSeenByVerifier.getBody())).isEqualTo(firstTry);
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/hazards/" + id + "/files/" + firstTry,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(site.verifier().user(), site.verifier().user()).getForEntity(
                "/api/hazards/" + id + "/files/" + photo(site.builder(), "unrelated"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> noReason = verify(site.verifier(), id, false, " ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("理由");
        assertThat(hazards.require(id).status()).isEqualTo(HazardStatus.SUBMITTED);
        assertThat(tasksOf(site.verifier().group(), id)).containsExactly(TASK_VERIFY);

        moveClock(raisedAt, Duration.ofDays(3));
        Date rejectedAt = ClockUtil.getCurrentTime();
        assertThat(verify(site.verifier(), id, false, "连墙件间距仍超过规范要求").getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);

        Hazard reopened = hazards.require(id);
        assertThat(reopened.status()).isEqualTo(HazardStatus.OPEN);
        assertThat(reopened.round()).isEqualTo(2);
        assertThat(reopened.deadlineAt()).isBetween(at(rejectedAt, Duration.ofDays(7)),
                at(rejectedAt, Duration.ofDays(7).plusMinutes(1)));
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
        assertThat((String) awaitMail(site.builder().email(), "隐患整改复核未通过").getContent())
                .contains("连墙件间距仍超过规范要求");

        moveClock(raisedAt, Duration.ofDays(7).plusMinutes(1));
        assertThat(DueJobs.of(engine, instance)).as("the first deadline no longer counts").isEmpty();

        String rectify = task(id, TASK_RECTIFY).getId();
        assertThatThrownBy(() -> completeAs(site.builder().user(), site.builder().group(), rectify,
                Map.of(VAR_EVIDENCE_DESCRIPTION, "补了照片")))
                .hasMessageContaining("照片");
        byte[] photo = SampleFiles.jpeg();
        Map<String, Object> form = new HashMap<>();
        form.put(VAR_EVIDENCE_DESCRIPTION, "按规范加密连墙件");
        form.put(VAR_EVIDENCE_PHOTO_PREFIX + 1,
                Variables.fileValue("after.jpg").file(photo).mimeType("image/jpeg").create());
        completeAs(site.builder().user(), site.builder().group(), rectify, form);

        Hazard.Round second = hazards.require(id).rounds().get(1);
        assertThat(second.evidenceFiles()).containsExactly(FileStore.sha256(photo));
        assertThat(second.submittedBy()).isEqualTo(site.builder().user());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_EVIDENCE_PHOTO_PREFIX + 1))
                .as("the bytes left the process").isNull();
        try (InputStream stored = new java.io.ByteArrayInputStream(files.content(FileStore.sha256(photo)))) {
            assertThat(stored.readAllBytes()).isEqualTo(photo);
        }

        completeAs(site.verifier().user(), site.verifier().group(), task(id, TASK_VERIFY).getId(),
                Map.of(VAR_VERDICT, ACCEPT));
        DueJobs.run(engine, instance);
        assertThat(instance).isEnded();
        Hazard closed = hazards.require(id);
        assertThat(closed.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.rounds()).extracting(Hazard.Round::verdict).containsExactly("REJECTED", "ACCEPTED");
        assertThat(archivedEvents(id)).containsSubsequence("EVIDENCE_SUBMITTED", "RECTIFICATION_REJECTED",
                "RECTIFICATION_REOPENED", "EVIDENCE_SUBMITTED", "HAZARD_CLOSED");
    }

    @Test
    void onlyTheProjectsBuilderSubmitsAndOnlyTheVerifyingServiceOrgVerifies_N8_9() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        Party stranger = insuredProjects.party(org.anzexian.registry.organization.OrganizationType.CONSTRUCTION_UNIT,
                InsuredProjects.COUNTY);

        assertThat(submitEvidence(stranger, id, "x", List.of(photo(stranger, "x"))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(submitEvidence(site.insurer(), id, "x", List.of(photo(site.insurer(), "x"))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> unknownPhoto = submitEvidence(site.builder(), id, "已整改", List.of("0".repeat(64)));
        assertThat(unknownPhoto.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownPhoto.getBody().toString()).contains("photos[0]");
        assertThat(verify(site.verifier(), id, true, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(hazards.require(id).status()).isEqualTo(HazardStatus.OPEN);
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
    }

    @Test
    void theBuilderMayNotAttachAnotherOrganizationsFileByItsHashButItsOwnWhichTheHazardsPartiesThenRead_issue11() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        String othersLicence = photo(site.insurer(), "insurer licence");

        ResponseEntity<JsonNode> refused = submitEvidence(site.builder(), id, "已整改", List.of(othersLicence));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("photos[0]");
        assertThat(refused.getBody().toString()).contains("不是本单位上传的");
        assertThat(hazards.require(id).rounds()).flatExtracting(Hazard.Round::evidenceFiles).doesNotContain(othersLicence);
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);
        assertThat(http.withBasicAuth(site.builder().user(), site.builder().user())
                .getForEntity("/api/hazards/" + id + "/files/" + othersLicence, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(site.builder().user(), site.builder().user())
                .getForEntity("/api/files/" + othersLicence, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String own = photo(site.builder(), "after");
        assertThat(submitEvidence(site.builder(), id, "已整改", List.of(own)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<byte[]> seenByVerifier = http.withBasicAuth(site.verifier().user(), site.verifier().user())
                .getForEntity("/api/hazards/" + id + "/files/" + own, byte[].class);
        assertThat(seenByVerifier.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(FileStore.sha256(seenByVerifier.getBody())).isEqualTo(own);
        assertThat(http.withBasicAuth(site.verifier().user(), site.verifier().user())
                .getForEntity("/api/files/" + own, byte[].class).getStatusCode())
                .as("a party of the hazard reads its files in the file store too").isEqualTo(HttpStatus.OK);
        String found = hazards.require(id).photos().get(0);
        assertThat(http.withBasicAuth(site.builder().user(), site.builder().user())
                .getForEntity("/api/files/" + found, byte[].class).getStatusCode())
                .as("the service organization's photo of the hazard, for its construction unit").isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(site.insurer().user(), site.insurer().user())
                .getForEntity("/api/files/" + othersLicence, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTasklistFormPhotoThatIsReallyAnSvgIsRefusedUnderItsFieldAndNothingIsStored_issue11() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(" + id + ")\"></svg>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> form = new HashMap<>();
        form.put(VAR_EVIDENCE_DESCRIPTION, "已整改");
        form.put(VAR_EVIDENCE_PHOTO_PREFIX + 1, Variables.fileValue("after.jpg").file(svg).mimeType("image/jpeg").create());
        String rectify = task(id, TASK_RECTIFY).getId();

        assertThatThrownBy(() -> completeAs(site.builder().user(), site.builder().group(), rectify, form))
                .hasMessageContaining("整改后照片 1").hasMessageContaining("不支持的文件类型");
        assertThat(files.exists(FileStore.sha256(svg))).isFalse();
        assertThat(tasksOf(site.builder().group(), id)).containsExactly(TASK_RECTIFY);

        byte[] jpeg = SampleFiles.jpeg();
        form.put(VAR_EVIDENCE_PHOTO_PREFIX + 1, Variables.fileValue("after.jpg").file(jpeg).mimeType("image/jpeg").create());
        completeAs(site.builder().user(), site.builder().group(), rectify, form);
        assertThat(hazards.require(id).rounds().get(0).evidenceFiles()).containsExactly(FileStore.sha256(jpeg));
    }

    @Test
    void evidenceLeftUnverifiedIsChasedWithTheServiceOrgAndTheCountyWhileTheTaskStays_N8_9() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);
        DueJobs.run(engine, instance);
        assertThat(submitEvidence(site.builder(), id, "已补设连墙件", List.of(photo(site.builder(), "after"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Date submittedAt = ClockUtil.getCurrentTime();

        moveClock(submittedAt, Duration.ofDays(2).minusMinutes(1));
        assertThat(DueJobs.of(engine, instance)).as("the DMN gives the verifier 2 days").isEmpty();
        moveClock(submittedAt, Duration.ofDays(2).plusMinutes(1));
        DueJobs.run(engine, instance);

        assertThat(instance).hasPassed(TASK_CHASE_VERIFICATION);
        awaitMail(site.verifier().email(), "整改材料逾期未复核：" + site.insured().project().name());
        awaitMail(COUNTY_MAIL, "整改材料逾期未复核：" + site.insured().project().name());
        assertThat(tasksOf(site.verifier().group(), id)).as("the verification stays open").containsExactly(TASK_VERIFY);
        assertThat(archivedEvents(id)).endsWith("EVIDENCE_SUBMITTED", "VERIFICATION_OVERDUE");

        hazards.chaseVerification(id, hazards.require(id).round());
        assertThat(archivedEvents(id).stream().filter("VERIFICATION_OVERDUE"::equals)).as("once per round").hasSize(1);
    }

    // --- DMN ------------------------------------------------------------------------------------------

    @Test
    void aChangedDeadlineTableTakesEffectForNewHazardsWithoutCodeChanges_N8_9_N9_3() throws Exception {
        String original = new String(new ClassPathResource(DECISION_RESOURCE).getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String changed = original.replace("<rule id=\"Rule_Major\">", """
                <rule id="Rule_GeneralDemolition">
                  <inputEntry id="InputEntry_Demolition_Severity"><text>"GENERAL"</text></inputEntry>
                  <inputEntry id="InputEntry_Demolition_Category"><text>"DEMOLITION"</text></inputEntry>
                  <outputEntry id="OutputEntry_Demolition_Period"><text>"P3D"</text></outputEntry>
                  <outputEntry id="OutputEntry_Demolition_Reminder"><text>"PT12H"</text></outputEntry>
                  <outputEntry id="OutputEntry_Demolition_City"><text>"P1D"</text></outputEntry>
                  <outputEntry id="OutputEntry_Demolition_Verification"><text>"P1D"</text></outputEntry>
                </rule>
                <rule id="Rule_Major">""");
        assertThat(changed).isNotEqualTo(original);
        Site site = site();
        Deployment deployment = engine.getRepositoryService().createDeployment().name("hazardDeadlineTest")
                .addString(DECISION_RESOURCE, changed).deploy();
        try {
            Date raisedAt = ClockUtil.getCurrentTime();
            long demolition = raise(site, HazardSeverity.GENERAL, HazardCategory.DEMOLITION);
            long scaffolding = raise(site, HazardSeverity.GENERAL, HazardCategory.SCAFFOLDING);

            assertThat(hazards.require(demolition).deadlineAt()).isBetween(at(raisedAt, Duration.ofDays(3)),
                    at(raisedAt, Duration.ofDays(3).plusMinutes(1)));
            assertThat(hazards.require(scaffolding).deadlineAt()).isBetween(at(raisedAt, Duration.ofDays(7)),
                    at(raisedAt, Duration.ofDays(7).plusMinutes(1)));
            moveClock(raisedAt, Duration.ofDays(3).plusMinutes(1));
            DueJobs.run(engine, instance(demolition));
            assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), demolition))
                    .containsExactly(TASK_COUNTY_SUPERVISION);
            assertThat(DueJobs.of(engine, instance(scaffolding))).isEmpty();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    // --- idempotency ---------------------------------------------------------------------------------

    @Test
    void aRetriedEscalationJobCreatesNoSecondTaskMailOrArchiveEntry_N8_9() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);
        Job overdueTimer = remindedAndOverdue(instance);

        // the overdue timer's job escalates, then its transaction fails (a node dies before commit): nothing
        // stays, and the timer is due again
        transactions.executeWithoutResult(status -> {
            engine.getManagementService().executeJob(overdueTimer.getId());
            assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).hasSize(1);
            status.setRollbackOnly();
        });
        assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).isEmpty();
        assertThat(noticesOf(id, NoticeTemplates.HAZARD_OVERDUE)).isEmpty();
        assertThat(DueJobs.of(engine, instance)).extracting(Job::getId).containsExactly(overdueTimer.getId());

        // the retry
        DueJobs.run(engine, instance);
        // and the step delivered once more, as by a second node whose lock had expired
        transactions.executeWithoutResult(status -> hazards.escalateToCounty(id, 1));

        assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).containsExactly(TASK_COUNTY_SUPERVISION);
        assertThat(noticesOf(id, NoticeTemplates.HAZARD_OVERDUE)).hasSize(1);
        assertThat(archivedEvents(id).stream().filter("ESCALATED_TO_COUNTY"::equals)).hasSize(1);
        awaitMail(COUNTY_MAIL, "隐患逾期未整改：" + site.insured().project().name());
        assertThat(mails(COUNTY_MAIL, "隐患逾期未整改：" + site.insured().project().name())).hasSize(1);
        transactions.executeWithoutResult(status -> hazards.remindBuilder(id, 1));
        assertThat(noticesOf(id, NoticeTemplates.HAZARD_RECTIFICATION_REMINDER)).hasSize(1);
    }

    /**
     * An escalation step that comes too late — the hazard was closed meanwhile (a second node whose job lock had
     * expired) — stamps, tells and records nothing; one for a hazard that does not exist fails, so its job retries and
     * then raises an incident. The escalation of an open hazard is the retried-job test above.
     */
    @Test
    void aLateEscalationOfAClosedHazardDoesNothingAndOneOfAnUnknownHazardFails_N8_9() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);
        assertThat(submitEvidence(site.builder(), id, "已整改", List.of(photo(site.builder(), "done"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(verify(site.verifier(), id, true, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);
        assertThat(hazards.require(id).status()).isEqualTo(HazardStatus.CLOSED);

        transactions.executeWithoutResult(status -> {
            hazards.escalateToCounty(id, 1);
            hazards.escalateToCity(id, 1);
        });

        Hazard closed = hazards.require(id);
        assertThat(closed.escalation()).isEqualTo(HazardEscalation.NONE);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT county_escalated_at, city_escalated_at FROM hazard_round WHERE hazard_id = ?",
                id)).singleElement().satisfies(round -> assertThat(round.values()).containsOnlyNulls());
        assertThat(noticesOf(id, NoticeTemplates.HAZARD_OVERDUE)).isEmpty();
        assertThat(noticesOf(id, NoticeTemplates.HAZARD_ESCALATED_TO_CITY)).isEmpty();
        assertThat(archivedEvents(id)).doesNotContain("ESCALATED_TO_COUNTY", "ESCALATED_TO_CITY");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> hazards.escalateToCounty(-id, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailingEscalationRollsBackAndItsTimerRetriesEveryFiveMinutesThenRaisesAnIncident_N8_9() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);
        // the step fails for real: the hazard's area is one the city does not know (a botched repair of the data)
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String area = jdbc.queryForObject("SELECT jurisdiction_code FROM hazard WHERE id = ?", String.class, id);
        jdbc.update("UPDATE hazard SET jurisdiction_code = 'NOWHERE' WHERE id = ?", id);
        Job overdueTimer = remindedAndOverdue(instance);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(overdueTimer.getId()))
                    .hasMessageContaining("未知的辖区");
            Job failed = engine.getManagementService().createJobQuery().jobId(overdueTimer.getId()).singleResult();
            assertThat(failed.getRetries()).as("attempt %d", attempt).isEqualTo(5 - attempt);
            if (attempt < 5) {
                // R5/PT5M on Timer_RectificationOverdue: due again in five minutes, not before
                Date failedAt = ClockUtil.getCurrentTime();
                assertThat(failed.getDuedate()).isEqualTo(Date.from(failedAt.toInstant().plus(Duration.ofMinutes(5))));
                assertThat(DueJobs.of(engine, instance)).isEmpty();
                moveClock(failed.getDuedate(), Duration.ofSeconds(1));
            }
            assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).isEmpty();
            assertThat(noticesOf(id, NoticeTemplates.HAZARD_OVERDUE)).isEmpty();
            assertThat(archivedEvents(id)).doesNotContain("ESCALATED_TO_COUNTY");
        }
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TIMER_OVERDUE);
        assertThat(incident.getIncidentMessage()).contains("未知的辖区");
        assertThat(tasksOf(site.builder().group(), id)).as("the builder's task stays open").containsExactly(TASK_RECTIFY);

        // an administrator mends the cause and retries the job now (Cockpit): the escalation happens, once
        jdbc.update("UPDATE hazard SET jurisdiction_code = ? WHERE id = ?", area, id);
        engine.getManagementService().setJobRetries(overdueTimer.getId(), 1);
        engine.getManagementService().setJobDuedate(overdueTimer.getId(), ClockUtil.getCurrentTime());
        DueJobs.run(engine, instance);
        assertThat(tasksOf(PlatformGroups.county(InsuredProjects.COUNTY), id)).containsExactly(TASK_COUNTY_SUPERVISION);
        assertThat(noticesOf(id, NoticeTemplates.HAZARD_OVERDUE)).hasSize(1);
        assertThat(archivedEvents(id).stream().filter("ESCALATED_TO_COUNTY"::equals)).hasSize(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    // --- lookup and access -----------------------------------------------------------------------------

    @Test
    void aCountySeesOnlyHazardsOfItsAreaAndEachPartyOnlyItsOwn_N8_9() {
        Site xinfu = site();
        Site yuanping = site("140981");
        long inXinfu = raise(xinfu, HazardSeverity.MAJOR);
        long inYuanping = raise(yuanping, HazardSeverity.GENERAL);

        assertThat(ids("xinfu", "")).contains(inXinfu).doesNotContain(inYuanping);
        assertThat(ids("yuanping", "")).contains(inYuanping).doesNotContain(inXinfu);
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/hazards/" + inYuanping, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids("city", "?county=140981")).contains(inYuanping).doesNotContain(inXinfu);

        assertThat(ids(xinfu.builder().user(), "")).containsExactly(inXinfu);
        assertThat(ids(xinfu.insurer().user(), "")).containsExactly(inXinfu);
        assertThat(ids(xinfu.verifier().user(), "")).containsExactly(inXinfu);
        assertThat(ids(yuanping.builder().user(), "")).containsExactly(inYuanping);

        assertThat(ids("xinfu", "?severity=MAJOR&projectId=" + xinfu.insured().project().id())).containsExactly(inXinfu);
        assertThat(ids("xinfu", "?severity=GENERAL&projectId=" + xinfu.insured().project().id())).isEmpty();
        assertThat(ids("xinfu", "?status=OPEN&overdue=false&projectId=" + xinfu.insured().project().id()))
                .containsExactly(inXinfu);
        assertThat(ids("xinfu", "?overdue=true&projectId=" + xinfu.insured().project().id())).isEmpty();
        moveClock(ClockUtil.getCurrentTime(), Duration.ofDays(2));
        assertThat(ids("xinfu", "?overdue=true&projectId=" + xinfu.insured().project().id())).containsExactly(inXinfu);
    }

    @Test
    void theTaskFormsReadTheHazardsContextOnlyWhereTheActorMaySeeItAndTheTaskListTellsHazardsApart_12() {
        Site xinfu = site();
        Site yuanping = site("140981");
        long id = raise(xinfu, HazardSeverity.MAJOR);
        Hazard hazard = hazards.require(id);
        String context = "/api/hazards/" + id + "/context";

        assertThat(engine.getRuntimeService().getVariable(instance(id).getId(), VAR_CASE_SUMMARY)).isEqualTo("忻府区 · "
                + xinfu.insured().project().code() + " " + xinfu.insured().project().name() + " · 重大隐患 · "
                + hazard.location());
        for (String user : List.of(xinfu.builder().user(), xinfu.verifier().user(), xinfu.insurer().user(), "xinfu", "city")) {
            ResponseEntity<JsonNode> read = http.withBasicAuth(user, user).getForEntity(context, JsonNode.class);
            assertThat(read.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody().path("projectName").asText()).isEqualTo(xinfu.insured().project().name());
            assertThat(read.getBody().path("constructionUnitName").asText()).isEqualTo(xinfu.builder().name());
            assertThat(read.getBody().path("lateness").asText()).isEmpty();
        }
        for (String user : List.of(yuanping.builder().user(), yuanping.verifier().user(), "yuanping")) {
            assertThat(http.withBasicAuth(user, user).getForEntity(context, JsonNode.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(http.getForEntity(context, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        moveClock(ClockUtil.getCurrentTime(), Duration.ofDays(3).plusHours(2));
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity(context, JsonNode.class).getBody().path("lateness")
                .asText()).startsWith("已逾期 ");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    ResponseEntity<JsonNode> submitEvidence(Party party, long id, String description, List<String> photos) {
        return http.withBasicAuth(party.user(), party.user()).postForEntity("/api/hazards/" + id + "/evidence",
                new HttpEntity<>(new HazardEvidence(description, photos)), JsonNode.class);
    }

    ResponseEntity<JsonNode> verify(Party party, long id, boolean accepted, String reason) {
        return http.withBasicAuth(party.user(), party.user()).postForEntity("/api/hazards/" + id + "/verification",
                new HttpEntity<>(new HazardVerdict(accepted, reason)), JsonNode.class);
    }

    /** A general hazard raised now, reminded on day six, on day seven: its overdue timer, due. */
    private Job remindedAndOverdue(ProcessInstance instance) {
        Date raisedAt = ClockUtil.getCurrentTime();
        moveClock(raisedAt, Duration.ofDays(6).plusMinutes(1));
        DueJobs.run(engine, instance);
        moveClock(raisedAt, Duration.ofDays(7).plusMinutes(1));
        return DueJobs.of(engine, instance).get(0);
    }

    private List<Long> ids(String user, String query) {
        List<Long> ids = new java.util.ArrayList<>();
        JsonNode page;
        int number = 0;
        do {
            page = http.withBasicAuth(user, user).getForObject("/api/hazards" + (query.isEmpty() ? "?" : query + "&")
                    + "size=" + PageQuery.MAX_SIZE + "&page=" + number++, JsonNode.class);
            assertThat(page.path("items").isArray()).as(String.valueOf(page)).isTrue();
            page.path("items").forEach(node -> ids.add(node.get("id").asLong()));
        } while (ids.size() < page.path("total").asLong());
        return ids;
    }

    private List<NoticeDelivery> noticesOf(long hazardId, String template) {
        return notifications.list(new NoticeFilter(null, template, "hazard:" + hazardId, null), 0, 100).items();
    }

    private void completeAs(String user, String group, String taskId, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getFormService().submitTaskForm(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static OffsetDateTime at(Date from, Duration plus) {
        return from.toInstant().plus(plus).atOffset(ZoneOffset.UTC);
    }
}
