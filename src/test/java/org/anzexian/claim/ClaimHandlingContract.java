package org.anzexian.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.Processes;
import org.anzexian.support.ReceivedMails;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Process {@code claimHandling} through {@code /api}, the engine and the mail server (issue 6,
 * N6.5–N6.7): the 24-hour report, the acknowledgement and its service time, documents, decision within
 * the policy's limits, payment, recommendations that become hazards; H2 and PostgreSQL.
 */
abstract class ClaimHandlingContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String CITY_MAIL = "city@demo.anzexian.local";
    static final String COUNTY_MAIL = "xinfu@demo.anzexian.local";

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired NotificationService notifications;
    @Autowired ServiceArchive archive;
    @Autowired OrganizationService organizations;
    @Autowired GroupDirectory groups;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    InsuredProjects insuredProjects;
    InsuredProject insured;
    Party insurer;
    Party builder;
    String reporterEmail;

    /**
     * One insured project per application context: every fixture call files another insurer, whose
     * reviewer joins the city bureau's group, and every later mail to the city then goes to all of them.
     * Each test makes its own claims; tests that need a fresh policy make one.
     */
    private static final Map<ApplicationContext, InsuredProject> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void anInsuredProjectFiveDaysIntoItsPolicy() {
        BpmnAwareTests.init(engine);
        insuredProjects = new InsuredProjects(context);
        insured = SHARED.computeIfAbsent(context, key -> insuredProjects.insured());
        insurer = insured.insurer();
        builder = insured.builder();
        reporterEmail = "reporter" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@site.anzexian.local";
        // the fixture's policy starts today: an accident of "yesterday" must lie inside it
        moveClock(Duration.ofDays(5));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    // --- report (N6.5) -----------------------------------------------------------------------------

    @Test
    void reportWithin24HoursIsOnTimeStampedWithTheServerTimeAndGoesToTheInsurersClaimsTeam_N6_5() {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        // 24 hours to the minute is still on time: the report window counts whole minutes
        ResponseEntity<JsonNode> response = report(builder, report(now.truncatedTo(ChronoUnit.MINUTES).minusHours(24)),
                null);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode claim = response.getBody();
        assertThat(claim.get("late").asBoolean()).isFalse();
        assertThat(claim.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(claim.get("status").asText()).isEqualTo("REPORTED");
        assertThat(OffsetDateTime.parse(claim.get("reportedAt").asText()).toInstant())
                .isBetween(now.toInstant().minusSeconds(1), now.toInstant().plusSeconds(5));
        ProcessInstance instance = instance(claim.get("id").asLong());
        DueJobs.run(engine, instance);
        assertThat(instance).isWaitingAt(ClaimHandlingProcess.TASK_ACKNOWLEDGE);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(insurer.group());
        // due within the DMN's one hour, shown in the Tasklist as the task's due date
        assertThat(BpmnAwareTests.task(instance).getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse(claim.get("acknowledgementDueAt").asText()).toInstant());
        assertThat(Duration.between(OffsetDateTime.parse(claim.get("reportedAt").asText()),
                OffsetDateTime.parse(claim.get("acknowledgementDueAt").asText()))).isEqualTo(Duration.ofHours(1));
        assertThat(templates(claim)).containsExactly(NoticeTemplates.CLAIM_REPORTED);
        awaitMail(insurer.email(), "新报案（第 " + claim.get("id").asLong() + " 号）");
        assertThat(archiveEvents(claim)).containsExactly("CLAIM_REPORTED");
    }

    @Test
    void reportOneMinuteAfter24HoursIsLateNeedsTheExplanationAndTheCountyIsTold_N6_5() throws Exception {
        OffsetDateTime accident = OffsetDateTime.now(clock).minusHours(24).minusMinutes(1);

        ResponseEntity<JsonNode> refused = report(builder, report(accident), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("lateExplanation").contains("迟报原因");
        assertThat(claimsReportedBy(reporterEmail)).isZero();

        ResponseEntity<JsonNode> response = report(builder, report(accident), "夜间抢救伤员，次日上午才报案");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode claim = response.getBody();
        assertThat(claim.get("late").asBoolean()).isTrue();
        assertThat(claim.get("lateExplanation").asText()).isEqualTo("夜间抢救伤员，次日上午才报案");
        DueJobs.run(engine, instance(claim.get("id").asLong()));
        // the claim continues: the insurer still acknowledges it
        assertThat(instance(claim.get("id").asLong())).isWaitingAt(ClaimHandlingProcess.TASK_ACKNOWLEDGE);
        MimeMessage mail = awaitMail(COUNTY_MAIL, "事故迟报：" + insured.project().name());
        assertThat((String) mail.getContent()).contains("夜间抢救伤员，次日上午才报案");
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_REPORTED_LATE)).containsExactly(COUNTY_MAIL);
    }

    @Test
    void anAccidentWithDeathsGoesToTheCountyAndTheCityBureauAtOnce_N6_5() {
        Map<String, Object> report = report(OffsetDateTime.now(clock).minusHours(2));
        report.put("deaths", 1);
        JsonNode claim = created(report(builder, report, null));

        DueJobs.run(engine, instance(claim.get("id").asLong()));

        assertThat(deliveries(claim, NoticeTemplates.CLAIM_FATAL_ACCIDENT)).contains(COUNTY_MAIL, CITY_MAIL);
        awaitMail(CITY_MAIL, "死亡事故报告：" + insured.project().name());
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_REPORTED_LATE)).isEmpty();
    }

    @Test
    void aReportThroughTheApiStartsItsInstanceWithWhatReadingTheClaimBackGives_N6_5() {
        Map<String, Object> report = report(OffsetDateTime.now(clock).minusHours(30));
        report.put("deaths", 1);
        JsonNode claim = created(report(insurer, report, "夜间无人值守，次日发现"));
        long claimId = claim.get("id").asLong();

        // the report's own record is handed to the instance's first step (#15); this is what it read back before
        ClaimSteps.Opened readBack = context.getBean(ClaimService.class).opened(claimId);
        Map<String, Object> variables = engine.getRuntimeService().getVariables(instance(claimId).getId());
        assertThat(variables).containsEntry(ClaimHandlingProcess.VAR_CLAIM_ID, claimId)
                .containsEntry(ClaimHandlingProcess.VAR_INSURER_GROUP, readBack.insurerGroup())
                .containsEntry(ClaimHandlingProcess.VAR_BUILDER_GROUP, readBack.builderGroup())
                .containsEntry(ClaimHandlingProcess.VAR_DOCUMENTS_REMINDER_CYCLE, readBack.documentsReminderCycle())
                .containsEntry(ClaimHandlingProcess.VAR_CASE_SUMMARY, readBack.caseSummary());
        assertThat(((java.util.Date) variables.get(ClaimHandlingProcess.VAR_ACKNOWLEDGEMENT_DUE_AT)).toInstant())
                .isEqualTo(readBack.acknowledgementDueAt().toInstant());
        assertThat(readBack.caseSummary()).startsWith(insured.project().code()).contains(" 死亡 1 人 受伤 2 人 · 迟报");
        assertThat(readBack.insurerGroup()).isEqualTo(insurer.group());
        assertThat(readBack.builderGroup()).isEqualTo(builder.group());
    }

    @Test
    void anAccidentOutsideThePolicyPeriodIsRefusedWithTheReasonAndNothingIsRecorded_N6_5() {
        OffsetDateTime beforePolicy = insured.policy().policyStart().minusDays(1).atStartOfDay(clock.getZone())
                .toOffsetDateTime().plusHours(10);

        ResponseEntity<JsonNode> response = report(builder, report(beforePolicy), "保单生效前的事故");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains("accidentAt").contains("保险期间");
        assertThat(claimsReportedBy(reporterEmail)).isZero();
    }

    @Test
    void theInsurersTwentyFourHourLineReportsOnBehalfOfTheConstructionUnit_N6_5_N6_6() {
        JsonNode claim = created(report(insurer, report(OffsetDateTime.now(clock).minusHours(3)), null));

        assertThat(claim.get("channel").asText()).isEqualTo("PHONE");
        assertThat(claim.get("reportedBy").asText()).isEqualTo(insurer.user());
        // the construction unit sees the claim made on its behalf
        assertThat(list(builder)).extracting(node -> node.get("id").asLong()).contains(claim.get("id").asLong());
    }

    @Test
    void theConstructionUnitReportsThroughTheTasklistStartForm_N6_5() {
        Map<String, Object> form = new HashMap<>();
        form.put("policyNumber", insured.policy().policyNumber());
        form.put("accidentAt", OffsetDateTime.now(clock).minusHours(5).atZoneSameInstant(clock.getZone())
                .toLocalDateTime().toString().substring(0, 16).replace('T', ' '));
        form.put("place", "3号楼脚手架");
        form.put("accidentType", "FALL_FROM_HEIGHT");
        form.put("deaths", 0L);
        form.put("injuries", 1L);
        form.put("description", "作业人员从脚手架坠落");
        form.put("reporterName", "李安全");
        form.put("reporterPhone", "13900000000");
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ClaimHandlingProcess.KEY).latestVersion().singleResult().getId();

        engine.getIdentityService().setAuthentication(builder.user(), List.of(builder.group()));
        ProcessInstance instance;
        try {
            instance = engine.getFormService().submitStartForm(definitionId, form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        JsonNode claim = get(builder, Long.parseLong(instance.getBusinessKey())).getBody();
        assertThat(claim.get("place").asText()).isEqualTo("3号楼脚手架");
        assertThat(claim.get("reportedBy").asText()).isEqualTo(builder.user());
        assertThat(claim.get("processInstanceId").asText()).isEqualTo(instance.getId());
        // #12: the task lists tell the claim apart by project, accident day and casualties
        String day = OffsetDateTime.now(clock).minusHours(5).atZoneSameInstant(clock.getZone()).toLocalDate().toString();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ClaimHandlingProcess.VAR_CASE_SUMMARY))
                .isEqualTo(insured.project().code() + " " + insured.project().name() + " · 事故 " + day
                        + " · 高处坠落 受伤 1 人");
    }

    /** #12 journey 4: a late report from the phone's start form, with its photo; every problem named at once. */
    @Test
    void aLateReportInTheStartFormNamesEveryMissingFieldAtOnceAndKeepsItsPhotos_N6_5() {
        String accidentAt = OffsetDateTime.now(clock).minusHours(30).atZoneSameInstant(clock.getZone())
                .toLocalDateTime().toString().substring(0, 16);
        Map<String, Object> form = new HashMap<>();
        form.put("policyNumber", insured.policy().policyNumber());
        form.put("accidentAt", accidentAt);
        form.put("accidentType", "STRUCK_BY_OBJECT");
        form.put("injuries", 2L);
        form.put("description", "塔吊吊物坠落砸伤两名工人");
        form.put("reporterName", "王现场");
        form.put("reporterPhone", "13911112222");
        byte[] photo = jpeg();
        form.put("photo1", Variables.fileValue("现场.jpg").file(photo).mimeType("image/jpeg").create());
        form.put("photo2", Variables.fileValue("").file(new byte[0]).create());
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ClaimHandlingProcess.KEY).latestVersion().singleResult().getId();

        engine.getIdentityService().setAuthentication(builder.user(), List.of(builder.group()));
        ProcessInstance instance;
        try {
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId, form))
                    .as("one refusal naming every problem, with the fields' labels")
                    .hasMessageContaining("「事故发生部位（现场位置）」必须填写事故发生部位")
                    .hasMessageContaining("「迟报原因（超过 24 小时报案时必填）」事故发生已超过 24 小时才报案，必须填写迟报原因");
            form.put("place", "2号楼塔吊覆盖区");
            form.put("lateExplanation", "伤员送医抢救，项目负责人次日才报案");
            form.put("photo1", Variables.fileValue("现场.jpg").file(photo).mimeType("image/jpeg").create());
            instance = engine.getFormService().submitStartForm(definitionId, form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        long claimId = Long.parseLong(instance.getBusinessKey());
        JsonNode view = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/claims/" + claimId + "/view", JsonNode.class).getBody();
        assertThat(view.at("/claim/late").asBoolean()).isTrue();
        assertThat(view.at("/claim/lateExplanation").asText()).isEqualTo("伤员送医抢救，项目负责人次日才报案");
        assertThat(view.at("/claim/photos/0").asText()).isEqualTo(FileStore.sha256(photo));
        assertThat(view.at("/photos/0/name").asText()).isEqualTo("现场.jpg");
        assertThat(view.at("/projectName").asText()).isEqualTo(insured.project().name());
        assertThat(view.at("/builderName").asText()).isEqualTo(builder.name());
        assertThat(view.at("/caseSummary").asText()).endsWith(" · 物体打击 受伤 2 人 · 迟报");
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .as("the bytes left the process").doesNotContainKeys("photo1", "photo2");
        // the insurer opens the photo through the claim; the start's notice shows the claim number as business key
        assertThat(http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity(view.at("/photos/0/url").asText(), byte[].class).getBody()).isEqualTo(photo);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(claimId));
    }

    /** #12: the start form's pick-list and the tasks' view are for the claim's parties only. */
    @Test
    void thePolicyPickListAndTheClaimViewAreForTheClaimsPartiesOnly() {
        JsonNode claim = reported();
        long claimId = claim.get("id").asLong();
        Party other = insuredProjects.party(OrganizationType.INSURER, InsuredProjects.COUNTY);

        JsonNode policies = http.withBasicAuth(builder.user(), builder.user())
                .getForEntity("/api/claims/reportable-policies", JsonNode.class).getBody();
        assertThat(policies.findValuesAsText("policyNumber")).contains(insured.policy().policyNumber());
        assertThat(policies.toString()).doesNotContain("\"id\"").contains(insured.project().name());
        assertThat(http.withBasicAuth(insurer.user(), insurer.user()).getForEntity("/api/claims/reportable-policies",
                JsonNode.class).getBody().findValuesAsText("policyNumber")).contains(insured.policy().policyNumber());
        assertThat(http.withBasicAuth(other.user(), other.user()).getForEntity("/api/claims/reportable-policies",
                JsonNode.class).getBody().findValuesAsText("policyNumber")).doesNotContain(insured.policy().policyNumber());

        for (Party party : List.of(builder, insurer)) {
            ResponseEntity<JsonNode> view = http.withBasicAuth(party.user(), party.user())
                    .getForEntity("/api/claims/" + claimId + "/view", JsonNode.class);
            assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(view.getBody().at("/insurerName").asText()).isEqualTo(insurer.name());
        }
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/claims/" + claimId + "/view",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(other.user(), other.user()).getForEntity("/api/claims/" + claimId + "/view",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/claims/" + claimId + "/view",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- acknowledgement (N6.5) -------------------------------------------------------------------------

    @Test
    void acknowledgementInTimeMailsTheProcedureAndTheDocumentListToTheReporter_N6_5() throws Exception {
        JsonNode claim = reported();
        moveClock(Duration.ofMinutes(50));

        JsonNode acknowledged = step(insurer, claim, "acknowledgement", acknowledgement());

        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo(insurer.user());
        DueJobs.run(engine, instance(claim));
        MimeMessage mail = awaitMail(reporterEmail, "报案已受理");
        assertThat((String) mail.getContent()).contains("现场查勘定损").contains("伤亡人员身份证明");
        awaitMail(builder.email(), "报案已受理");
        assertThat(acknowledged.get("breaches")).isEmpty();
        assertThat(instance(claim)).isWaitingAt(ClaimHandlingProcess.TASK_SURVEY, ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS);
        // #12: due dates from anzexian.claim.survey-period (48 h) and documents-period (21 days)
        OffsetDateTime acknowledgedAt = OffsetDateTime.parse(acknowledged.get("acknowledgedAt").asText());
        assertThat(dueDate(claim, ClaimHandlingProcess.TASK_SURVEY)).isEqualTo(acknowledgedAt.plusHours(48).toInstant());
        assertThat(dueDate(claim, ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS))
                .isEqualTo(acknowledgedAt.plusDays(21).toInstant());
    }

    java.time.Instant dueDate(JsonNode claim, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance(claim).getId())
                .taskDefinitionKey(taskKey).singleResult().getDueDate().toInstant();
    }

    /** A small real JPEG, a "site photo" (the file store reads the type from the bytes), new bytes on every call. */
    static byte[] jpeg() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 120,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D paint = image.createGraphics();
            paint.setColor(new java.awt.Color(0x8a, 0x9b, 0xa8));
            paint.fillRect(0, 0, 160, 120);
            // a stripe of its own colour: each photo is a file of its own, not one stored before under another name
            paint.setColor(new java.awt.Color(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000000)));
            paint.fillRect(20, 30, 120, 16);
            paint.dispose();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void documentsUploadedInTheTasklistFormGoIntoTheFileStoreAndLeaveTheProcess_N6_5() {
        JsonNode claim = reported();
        step(insurer, claim, "acknowledgement", acknowledgement());
        DueJobs.run(engine, instance(claim));
        ResponseEntity<JsonNode> unknownFile = http.withBasicAuth(builder.user(), builder.user()).postForEntity(
                path(claim, "documents"), Map.of("documentsProvided", "诊断证明", "documentFiles", List.of("0".repeat(64))),
                JsonNode.class);
        assertThat(unknownFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownFile.getBody().toString()).contains("documentFiles").contains("0".repeat(64));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance(claim).getId())
                .taskDefinitionKey(ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS).singleResult();
        byte[] medical = ("%PDF-1.4 诊断证明 " + claim.get("id").asLong()).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> form = new HashMap<>();
        form.put("documentsProvided", "伤者诊断证明");
        form.put("documentFile1", Variables.fileValue("诊断证明.pdf").file(medical).mimeType("application/pdf").create());
        // an input left empty arrives as a nameless empty file
        form.put("documentFile2", Variables.fileValue("").file(new byte[0]).create());

        engine.getIdentityService().setAuthentication(builder.user(), List.of(builder.group()));
        try {
            engine.getTaskService().complete(task.getId(), form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        JsonNode documents = get(builder, claim.get("id").asLong()).getBody().get("documents");
        assertThat(documents.get(documents.size() - 1).get("files")).extracting(JsonNode::asText)
                .containsExactly(FileStore.sha256(medical));
        assertThat(engine.getRuntimeService().getVariables(instance(claim).getId()))
                .as("the bytes left the process").doesNotContainKeys("documentFile1", "documentFile2");
    }

    @Test
    void acknowledgementOverdueEscalatesToTheInsurersManagementAndCountsAgainstIt_N6_5() throws Exception {
        Organization headOffice = organizations.require(organizations.require(insurer.id()).parentId());
        String manager = "claims" + insured.project().id() + "m" + claimsReportedBy(null);
        groups.ensureUser(manager, "理赔", "经理", manager + "@head.anzexian.local", manager);
        groups.ensureMembership(manager, headOffice.groupId());
        JsonNode claim = reported();

        moveClock(Duration.ofMinutes(61));
        DueJobs.run(engine, instance(claim));

        JsonNode overdue = get(builder, claim.get("id").asLong()).getBody();
        assertThat(overdue.get("breaches")).hasSize(1);
        assertThat(overdue.get("breaches").get(0).get("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(jdbc.sql("SELECT insurer_org_id FROM claim_breach WHERE claim_id = :claim")
                .param("claim", claim.get("id").asLong()).query(Long.class).list()).containsExactly(insurer.id());
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_ACKNOWLEDGEMENT_OVERDUE))
                .containsExactlyInAnyOrder(insurer.email(), manager + "@head.anzexian.local");
        awaitMail(manager + "@head.anzexian.local", "报案超时未受理");
        // the task stays with the insurer, and a late acknowledgement is still possible
        assertThat(instance(claim)).isWaitingAt(ClaimHandlingProcess.TASK_ACKNOWLEDGE);
        step(insurer, claim, "acknowledgement", acknowledgement());
        assertThat(archiveEvents(claim)).containsSubsequence("CLAIM_ACKNOWLEDGEMENT_OVERDUE", "CLAIM_ACKNOWLEDGED");
    }

    // --- the whole path (N6.5–N6.7) ---------------------------------------------------------------------

    @Test
    void fullPathFromReportToPaymentAndRecommendationsIsArchivedStepByStep_N6_5_N6_6_N6_7() throws Exception {
        JsonNode claim = acknowledgedClaim();
        step(insurer, claim, "survey", Map.of("surveyFindings", "脚手架连墙件缺失", "accidentCause", "连墙件未按方案设置",
                "estimatedLoss", 300000));
        String photo = insuredProjects.storedFile(builder, "accident photo");
        step(builder, claim, "documents", Map.of("documentsProvided", "索赔申请书、事故说明", "documentFiles", List.of(photo)));
        JsonNode asked = step(insurer, claim, "documents-review", Map.of("documentsComplete", false,
                "moreDocuments", "医疗费用票据原件"));
        assertThat(asked.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        DueJobs.run(engine, instance(claim));
        awaitMail(builder.email(), "需补充索赔材料");
        step(builder, claim, "documents", Map.of("documentsProvided", "医疗费用票据原件"));
        JsonNode complete = step(insurer, claim, "documents-review", Map.of("documentsComplete", true));
        assertThat(complete.get("status").asText()).isEqualTo("DOCUMENTS_COMPLETE");

        JsonNode agreed = step(insurer, claim, "decision", decision(true, "张三", 200000, "李四", 80000));
        assertThat(agreed.get("status").asText()).isEqualTo("AGREED");
        assertThat(agreed.get("agreedAmount").decimalValue()).isEqualByComparingTo("280000");
        DueJobs.run(engine, instance(claim));
        assertThat((String) awaitMail(reporterEmail, "理赔核定结果").getContent()).contains("280000");

        JsonNode paid = step(insurer, claim, "payment", Map.of("paidAmount", 280000,
                "paidOn", OffsetDateTime.now(clock).toLocalDate().toString(), "paymentReference", "PAY-0001"));
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("paymentReference").asText()).isEqualTo("PAY-0001");
        DueJobs.run(engine, instance(claim));
        awaitMail(builder.email(), "赔款已支付");

        ProcessInstance process = instance(claim);
        JsonNode closed = step(insurer, claim, "recommendations", recommendations(false));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        DueJobs.run(engine, process);
        assertThat((String) awaitMail(builder.email(), "事故后风险管控").getContent())
                .contains("连墙件未按方案设置").contains("补设连墙件").contains("高处作业专项培训");
        assertThat(process).isEnded().hasPassed(ClaimHandlingProcess.END_SETTLED);
        assertThat(archiveEvents(claim)).containsSubsequence("CLAIM_REPORTED", "CLAIM_ACKNOWLEDGED", "CLAIM_SURVEYED",
                "CLAIM_DOCUMENTS_PROVIDED", "CLAIM_DOCUMENTS_REQUESTED", "CLAIM_DOCUMENTS_PROVIDED",
                "CLAIM_DOCUMENTS_COMPLETE", "CLAIM_DECIDED", "CLAIM_PAID", "CLAIM_RECOMMENDATIONS");
        assertThat(archive.entriesAbout(ArchiveSubject.CLAIM, claim.get("id").asLong()))
                .anySatisfy(entry -> assertThat(entry.files()).containsExactly(photo));
        // no hazard unless asked for
        assertThat(hazardsOf(claim)).isEmpty();
    }

    @Test
    void aDecisionAboveThePerPersonOrTheTotalLimitIsRefusedAndTheTaskStaysOpen_N6_5() {
        JsonNode claim = documentsComplete();

        ResponseEntity<JsonNode> perPerson = http.withBasicAuth(insurer.user(), insurer.user()).postForEntity(
                path(claim, "decision"), decision(true, "张三", 1_000_001, "李四", 1000), JsonNode.class);
        assertThat(perPerson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(perPerson.getBody().toString()).contains("每人").contains("张三");

        Map<String, Object> tooMuch = new HashMap<>();
        tooMuch.put("covered", true);
        tooMuch.put("payees", java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> Map.of("name", "伤者" + i, "amount", 1_000_000)).toList());
        ResponseEntity<JsonNode> total = http.withBasicAuth(insurer.user(), insurer.user()).postForEntity(
                path(claim, "decision"), tooMuch, JsonNode.class);
        assertThat(total.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(total.getBody().toString()).contains("累计责任限额");

        assertThat(get(insurer, claim.get("id").asLong()).getBody().get("status").asText()).isEqualTo("DOCUMENTS_COMPLETE");
        assertThat(instance(claim)).isWaitingAt(ClaimHandlingProcess.TASK_DECIDE);
        // exactly at the limits is fine
        JsonNode agreed = step(insurer, claim, "decision", decision(true, "张三", 1_000_000, "李四", 500));
        assertThat(agreed.get("agreedAmount").decimalValue()).isEqualByComparingTo("1000500");
    }

    /** #12: the decision form's payee rows; every broken row is named with its row at once, in Chinese. */
    @Test
    void theDecisionFormsPayeeRowsAreCheckedRowByRowAndEveryProblemIsNamedAtOnce_N6_5() {
        JsonNode claim = documentsComplete();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance(claim).getId())
                .taskDefinitionKey(ClaimHandlingProcess.TASK_DECIDE).singleResult();
        Map<String, Object> form = new HashMap<>();
        form.put("covered", true);
        form.put("payees", """
                [{"name": "", "amount": "一万"},
                 {"name": "张三", "amount": 1000000.01},
                 {"name": "张三", "amount": 100},
                 {"name": "李四", "amount": 0},
                 {"name": "", "amount": ""}]""");

        engine.getIdentityService().setAuthentication(insurer.user(), List.of(insurer.group()));
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), form))
                    .as("one refusal naming every broken row")
                    .hasMessageContaining("收款人第 1 行：核定金额须为数字")
                    .hasMessageContaining("收款人第 1 行：必须填写姓名")
                    .hasMessageContaining("收款人第 2 行（张三）：核定金额 ¥1,000,000.01 超过保单每人伤亡责任限额 ¥1,000,000.00")
                    .hasMessageContaining("收款人第 3 行（张三）：已在第 2 行填写，每人只填一行")
                    .hasMessageContaining("收款人第 4 行（李四）：核定金额须大于 0")
                    .hasMessageNotContaining("第 5 行");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(instance(claim)).as("the task stays open").isWaitingAt(ClaimHandlingProcess.TASK_DECIDE);

        engine.getIdentityService().setAuthentication(insurer.user(), List.of(insurer.group()));
        try {
            form.put("payees", """
                    [{"name": "张三", "amount": "120000.50"}, {"name": "", "amount": null}, {"name": "李四", "amount": 3500}]""");
            engine.getTaskService().complete(task.getId(), form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        JsonNode agreed = get(insurer, claim.get("id").asLong()).getBody();
        assertThat(agreed.get("status").asText()).isEqualTo("AGREED");
        assertThat(agreed.get("agreedAmount").decimalValue()).isEqualByComparingTo("123500.50");
        assertThat(agreed.get("payees")).extracting(payee -> payee.get("name").asText()).containsExactly("张三", "李四");
        assertThat(agreed.at("/payees/0/amount").decimalValue()).isEqualByComparingTo("120000.50");
        assertThat(agreed.at("/payees/1/amount").decimalValue()).isEqualByComparingTo("3500");
    }

    @Test
    void aClaimNotCoveredEndsWithTheReasonMailedToTheReporter_N6_5() throws Exception {
        JsonNode claim = documentsComplete();
        ProcessInstance process = instance(claim);

        JsonNode declined = step(insurer, claim, "decision", Map.of("covered", false,
                "decisionReason", "事故发生在保险合同约定的除外责任范围内"));

        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        DueJobs.run(engine, process);
        assertThat((String) awaitMail(reporterEmail, "理赔核定结果").getContent()).contains("除外责任");
        assertThat(process).isEnded().hasPassed(ClaimHandlingProcess.END_DECLINED);
    }

    // --- service times (N6.5, N6.6) --------------------------------------------------------------------

    @Test
    void documentsAreRemindedAndDecisionAndPaymentTimersRemindThenEscalateToTheCityBureau_N6_6() throws Exception {
        JsonNode claim = acknowledgedClaim();
        moveClock(Duration.ofDays(7).plusMinutes(1));
        DueJobs.run(engine, instance(claim));
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_DOCUMENTS_REMINDER)).contains(builder.email());
        awaitMail(builder.email(), "请提交索赔材料");

        step(insurer, claim, "survey", Map.of("surveyFindings", "现场已封闭", "accidentCause", "安全帽未佩戴",
                "estimatedLoss", 50000));
        step(builder, claim, "documents", Map.of("documentsProvided", "全部材料"));
        step(insurer, claim, "documents-review", Map.of("documentsComplete", true));

        moveClock(Duration.ofDays(25).plusMinutes(1));
        DueJobs.run(engine, instance(claim));
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_DECISION_REMINDER)).containsExactly(insurer.email());
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_DECISION_OVERDUE)).isEmpty();

        moveClock(Duration.ofDays(5));
        DueJobs.run(engine, instance(claim));
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_DECISION_OVERDUE)).contains(CITY_MAIL, insurer.email());
        awaitMail(CITY_MAIL, "理赔核定超时");
        assertThat(breaches(claim)).containsExactly("DECISION");
        assertThat(instance(claim)).isWaitingAt(ClaimHandlingProcess.TASK_DECIDE);

        step(insurer, claim, "decision", decision(true, "王五", 50000, null, 0));
        moveClock(Duration.ofDays(7).plusMinutes(1));
        DueJobs.run(engine, instance(claim));
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_PAYMENT_REMINDER)).containsExactly(insurer.email());
        moveClock(Duration.ofDays(3));
        DueJobs.run(engine, instance(claim));
        assertThat(deliveries(claim, NoticeTemplates.CLAIM_PAYMENT_OVERDUE)).contains(CITY_MAIL);
        awaitMail(CITY_MAIL, "赔款支付超时");
        assertThat(breaches(claim)).containsExactly("DECISION", "PAYMENT");
        assertThat(instance(claim)).isWaitingAt(ClaimHandlingProcess.TASK_RECORD_PAYMENT);
    }

    // --- recommendations (N6.7) ------------------------------------------------------------------------

    @Test
    void rectificationRecommendationsBecomeHazardsThatFollowHazardRectification_N6_7() {
        JsonNode claim = paidClaim();

        JsonNode closed = step(insurer, claim, "recommendations", recommendations(true));
        DueJobs.run(engine, instance(claim));

        List<Long> hazardIds = hazardsOf(claim);
        assertThat(hazardIds).hasSize(2);
        for (long hazardId : hazardIds) {
            assertThat(rectifications(hazardId)).isEqualTo(1);
        }
        Map<String, Object> hazard = jdbc.sql("SELECT * FROM hazard WHERE id = :id").param("id", hazardIds.get(0))
                .query().singleRow();
        assertThat(hazard.get("SOURCE") != null ? hazard.get("SOURCE") : hazard.get("source"))
                .isEqualTo("CLAIM_RECOMMENDATION");
        // without a registered service organization the insurer verifies the rectification
        Object verifier = hazard.get("VERIFIER_ORG_ID") != null ? hazard.get("VERIFIER_ORG_ID") : hazard.get("verifier_org_id");
        assertThat(((Number) verifier).longValue()).isEqualTo(insurer.id());
        JsonNode reread = get(builder, claim.get("id").asLong()).getBody();
        assertThat(reread.get("recommendations").findValues("hazardId")).filteredOn(node -> !node.isNull()).hasSize(2);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aSingleRectificationItemBecomesAHazardLaterVerifiedByTheProjectsServiceOrganization_N6_7() {
        // a policy of its own: registering the service team changes who verifies the policy's hazards
        insured = insuredProjects.insured();
        insurer = insured.insurer();
        builder = insured.builder();
        InsuredProjects.ServicedProject serviced = insuredProjects.serviced(insured);
        // the fresh policy starts today: a day on, an accident of two hours ago lies inside it at any hour
        moveClock(Duration.ofDays(1));
        JsonNode claim = paidClaim();
        JsonNode closed = step(insurer, claim, "recommendations", recommendations(false));
        long rectification = java.util.stream.StreamSupport.stream(closed.get("recommendations").spliterator(), false)
                .filter(item -> item.get("kind").asText().equals("RECTIFICATION")).findFirst().orElseThrow()
                .get("id").asLong();

        ResponseEntity<JsonNode> byBuilder = http.withBasicAuth(builder.user(), builder.user()).postForEntity(
                path(claim, "recommendations/" + rectification + "/hazard"), null, JsonNode.class);
        assertThat(byBuilder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode raised = step(insurer, claim, "recommendations/" + rectification + "/hazard", null);

        List<Long> hazardIds = hazardsOf(claim);
        assertThat(hazardIds).hasSize(1);
        assertThat(jdbc.sql("SELECT verifier_org_id FROM hazard WHERE id = :id").param("id", hazardIds.get(0))
                .query(Long.class).single()).isEqualTo(serviced.serviceOrg().id());
        assertThat(rectifications(hazardIds.get(0))).isEqualTo(1);
        assertThat(raised.get("recommendations").findValues("hazardId")).extracting(JsonNode::asLong)
                .contains(hazardIds.get(0));
        ResponseEntity<JsonNode> again = http.withBasicAuth(insurer.user(), insurer.user()).postForEntity(
                path(claim, "recommendations/" + rectification + "/hazard"), null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    // --- access ---------------------------------------------------------------------------------------

    @Test
    void anotherInsurerOrCountyCannotSeeOrActOnTheClaimWhileTheCountyOfItsAreaCan() {
        JsonNode claim = reported();
        Party other = insuredProjects.party(OrganizationType.INSURER, InsuredProjects.COUNTY);

        assertThat(get(other, claim.get("id").asLong()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(list(other)).isEmpty();
        ResponseEntity<JsonNode> acting = http.withBasicAuth(other.user(), other.user()).postForEntity(
                path(claim, "acknowledgement"), acknowledgement(), JsonNode.class);
        assertThat(acting.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(other.group()).count()).isZero();
        ResponseEntity<JsonNode> reportForeign = report(other, report(OffsetDateTime.now(clock).minusHours(1)), null);
        assertThat(reportForeign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/claims/" + claim.get("id").asLong(),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/claims/" + claim.get("id").asLong(),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(insurer)).extracting(node -> node.get("id").asLong()).contains(claim.get("id").asLong());
        // a builder cannot do the insurer's step, and nobody can delete a claim
        assertThat(http.withBasicAuth(builder.user(), builder.user()).postForEntity(path(claim, "acknowledgement"),
                acknowledgement(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("city", "city").exchange("/api/claims/" + claim.get("id").asLong(),
                org.springframework.http.HttpMethod.DELETE, null, JsonNode.class).getStatusCode().is2xxSuccessful()).isFalse();
    }

    // --- helpers ----------------------------------------------------------------------------------------

    JsonNode reported() {
        JsonNode claim = created(report(builder, report(OffsetDateTime.now(clock).minusHours(2)), null));
        DueJobs.run(engine, instance(claim));
        return claim;
    }

    JsonNode acknowledgedClaim() {
        JsonNode claim = reported();
        step(insurer, claim, "acknowledgement", acknowledgement());
        DueJobs.run(engine, instance(claim));
        return claim;
    }

    JsonNode documentsComplete() {
        JsonNode claim = acknowledgedClaim();
        step(insurer, claim, "survey", Map.of("surveyFindings", "现场已勘查", "accidentCause", "临边防护缺失",
                "estimatedLoss", 100000));
        step(builder, claim, "documents", Map.of("documentsProvided", "全部索赔材料"));
        step(insurer, claim, "documents-review", Map.of("documentsComplete", true));
        return claim;
    }

    JsonNode paidClaim() {
        JsonNode claim = documentsComplete();
        step(insurer, claim, "decision", decision(true, "张三", 100000, null, 0));
        DueJobs.run(engine, instance(claim));
        step(insurer, claim, "payment", Map.of("paidAmount", 100000,
                "paidOn", OffsetDateTime.now(clock).toLocalDate().toString(), "paymentReference", "PAY-" + claim.get("id")));
        DueJobs.run(engine, instance(claim));
        return claim;
    }

    Map<String, Object> report(OffsetDateTime accidentAt) {
        Map<String, Object> report = new HashMap<>();
        report.put("policyNumber", insured.policy().policyNumber());
        report.put("accidentAt", accidentAt.toString());
        report.put("place", "2号楼东侧脚手架");
        report.put("accidentType", "FALL_FROM_HEIGHT");
        report.put("deaths", 0);
        report.put("injuries", 2);
        report.put("description", "两名工人在拆除脚手架时坠落受伤");
        report.put("reporterName", "李安全");
        report.put("reporterPhone", "13900000000");
        report.put("reporterEmail", reporterEmail);
        return report;
    }

    static Map<String, Object> acknowledgement() {
        return Map.of("claimProcedure", "1. 受理；2. 现场查勘定损；3. 提交材料；4. 核定；5. 支付",
                "requiredDocuments", "索赔申请书；伤亡人员身份证明；医疗费用票据");
    }

    static Map<String, Object> decision(boolean covered, String first, long firstAmount, String second, long secondAmount) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("covered", covered);
        List<Map<String, Object>> payees = new java.util.ArrayList<>(List.of(Map.of("name", first, "amount", firstAmount)));
        if (second != null) {
            payees.add(Map.of("name", second, "amount", secondAmount));
        }
        decision.put("payees", payees);
        return decision;
    }

    static Map<String, Object> recommendations(boolean raiseHazards) {
        return Map.of("riskControl", List.of("拆除作业前进行专项风险辨识"),
                "rectification", List.of("补设连墙件", "临边设置防护栏杆"),
                "training", List.of("高处作业专项培训"), "raiseHazards", raiseHazards);
    }

    ResponseEntity<JsonNode> report(Party party, Map<String, Object> report, String lateExplanation) {
        if (lateExplanation != null) {
            report.put("lateExplanation", lateExplanation);
        }
        return http.withBasicAuth(party.user(), party.user()).postForEntity("/api/claims", report, JsonNode.class);
    }

    static JsonNode created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    JsonNode step(Party party, JsonNode claim, String step, Object body) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(party.user(), party.user())
                .postForEntity(path(claim, step), body, JsonNode.class);
        assertThat(response.getStatusCode()).as(step + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static String path(JsonNode claim, String step) {
        return "/api/claims/" + claim.get("id").asLong() + "/" + step;
    }

    ResponseEntity<JsonNode> get(Party party, long claimId) {
        return http.withBasicAuth(party.user(), party.user()).getForEntity("/api/claims/" + claimId, JsonNode.class);
    }

    List<JsonNode> list(Party party) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(party.user(), party.user())
                .getForEntity("/api/claims?size=200", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("total").asLong()).as("one page holds them all").isLessThanOrEqualTo(200);
        return java.util.stream.StreamSupport.stream(response.getBody().path("items").spliterator(), false).toList();
    }

    ProcessInstance instance(JsonNode claim) {
        return instance(claim.get("id").asLong());
    }

    /** The running instance; keep the object to assert on it after it ended. */
    ProcessInstance instance(long claimId) {
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claimId), ClaimHandlingProcess.KEY).singleResult();
        assertThat(running).as("running claimHandling of claim " + claimId).isNotNull();
        return running;
    }

    List<String> templates(JsonNode claim) {
        return notifications.list(new NoticeFilter(null, null, "claim:" + claim.get("id").asLong(), null), 0, 100)
                .items().stream().map(NoticeDelivery::templateKey).distinct().toList();
    }

    List<String> deliveries(JsonNode claim, String template) {
        return notifications.list(new NoticeFilter(null, template, "claim:" + claim.get("id").asLong(), null), 0, 100)
                .items().stream().map(NoticeDelivery::recipient).toList();
    }

    List<String> archiveEvents(JsonNode claim) {
        return archive.entriesAbout(ArchiveSubject.CLAIM, claim.get("id").asLong()).stream().map(ArchiveEntry::event)
                .toList();
    }

    List<String> breaches(JsonNode claim) {
        return jdbc.sql("SELECT kind FROM claim_breach WHERE claim_id = :claim ORDER BY id")
                .param("claim", claim.get("id").asLong()).query(String.class).list();
    }

    /** hazardRectification instances of the hazard, running or (with the placeholder model) ended. */
    long rectifications(long hazardId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(HazardRectificationProcess.KEY).processInstanceBusinessKey(String.valueOf(hazardId))
                .count();
    }

    /** Claims whose report gave this e-mail address (null: all claims). */
    int claimsReportedBy(String email) {
        return email == null ? jdbc.sql("SELECT COUNT(*) FROM claim").query(Integer.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM claim WHERE reporter_email = :email").param("email", email)
                        .query(Integer.class).single();
    }

    List<Long> hazardsOf(JsonNode claim) {
        return jdbc.sql("SELECT id FROM hazard WHERE source = 'CLAIM_RECOMMENDATION' AND source_id = :claim ORDER BY id")
                .param("claim", claim.get("id").asLong()).query(Long.class).list();
    }

    void moveClock(Duration by) {
        Processes.moveClock(by);
    }

    static MimeMessage awaitMail(String recipient, String subjectPart) {
        return ReceivedMails.await(smtp, recipient, subjectPart);
    }

    static List<MimeMessage> mails(String recipient, String subjectPart) {
        return ReceivedMails.of(smtp, recipient, subjectPart);
    }
}
