package org.anzexian.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardEvidence;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.HazardVerdict;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.engine.ModelDeploymentPlugin;
import org.anzexian.platform.files.FileStore;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.Batches;
import org.anzexian.support.DueJobs;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.EngineDoors.Answer;
import org.anzexian.support.EngineDoors.Door;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.SampleFiles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * #13 "Done when", with the real {@code hazardRectification}: hazards raised through {@link HazardService}
 * wait in several states; the process owner deploys a revision from Camunda Modeler's REST call (the
 * reminder timer moved, the rectification task renamed, the county's supervision task removed); the dry
 * run lists the instances (two mappable, one waiting at the removed task); the migration moves the two,
 * their moved timer recreated at its new due time, and leaves the third; a restart keeps the revision
 * live; the deployment is recorded with who, when and why; a non-owner can do none of it. And which
 * version of the {@code hazardDeadline} table decided each case (N9.3).
 */
abstract class HazardRevisionContract {

    private static final String KEY = HazardRectificationProcess.KEY;
    private static final String BPMN = "processes/hazardRectification.bpmn";
    private static final String DMN = "processes/hazardDeadline.dmn";
    private static final String RENAMED = "整改隐患并上传整改照片";
    private static final Duration MOVED_REMINDER = Duration.ofDays(3);
    private static final String WHY = "提醒提前到整改开始后第 3 天；县级督办改由线下处理";
    private static final Map<String, String> AS_THE_MODELER_SENDS = Map.of("deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired HazardService hazards;
    @Autowired FileStore files;
    @Autowired TestRestTemplate http;
    @Autowired ModelDeploymentPlugin modelDeployment;

    final List<String> deployedHere = new ArrayList<>();
    InsuredProject site;
    Party verifier;

    @BeforeEach
    void anInsuredSiteWithItsServiceOrganization() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        InsuredProjects projects = new InsuredProjects(context);
        site = projects.insured();
        verifier = projects.party(OrganizationType.SERVICE_ORG, InsuredProjects.COUNTY);
    }

    @AfterEach
    void backToThePackagedModels() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
        deployedHere.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void theOwnerRevisesHazardRectificationFromTheModelerMigratesTheMappableCasesAndARestartKeepsTheRevision() {
        Instant raisedOverdue = ClockUtil.getCurrentTime().toInstant();
        String overdue = instanceOf(raise());
        ClockUtil.setCurrentTime(Date.from(raisedOverdue.plus(Duration.ofDays(7)).plusSeconds(60)));
        DueJobs.run(engine, instance(overdue));
        assertThat(openTasks(overdue)).contains("UserTask_CountySupervision", "UserTask_Rectify");

        Instant now = ClockUtil.getCurrentTime().toInstant();
        long rectifyingHazard = raise();
        String rectifying = instanceOf(rectifyingHazard);
        long verifyingHazard = raise();
        String verifying = instanceOf(verifyingHazard);
        assertThat(submitEvidence(verifyingHazard).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(openTasks(verifying)).containsExactly("UserTask_VerifyRectification");
        Date deadlineBefore = timer(rectifying, "Timer_RectificationOverdue").getDuedate();
        Date verificationChaseBefore = timer(verifying, "Timer_VerificationOverdue").getDuedate();
        int packagedVersion = live().getVersion();

        Answer deployed = deployAs("owner", "隐患整改：提醒提前", revisedHazardRectification(), Map.of("comment", WHY));

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String revision = deployed.json().path("id").asText();
        assertThat(live().getDeploymentId()).isEqualTo(revision);
        assertThat(live().getVersion()).isEqualTo(packagedVersion + 1);

        // the dry run: the two waiting where the revision has their activity, the third at the removed task
        JsonNode source = sourceVersion(get("owner", "/api/process-migrations/" + KEY + "/dry-run"), packagedVersion);
        assertThat(texts(source.path("migratableInstanceIds"))).contains(rectifying, verifying).doesNotContain(overdue);
        assertThat(texts(source.path("blockedInstanceIds"))).contains(overdue).doesNotContain(rectifying, verifying);
        JsonNode removed = byField(source.path("unmapped"), "activityId", "UserTask_CountySupervision");
        assertThat(removed.path("name").asText()).isEqualTo("督办逾期隐患");
        assertThat(texts(removed.path("waitingInstanceIds"))).contains(overdue);
        assertThat(byField(source.path("mapped"), "sourceActivityId", "UserTask_Rectify").path("name").asText())
                .isEqualTo(RENAMED);
        assertThat(byField(source.path("timers"), "activityId", "Timer_RectificationReminder").path("recreated").asBoolean())
                .isTrue();
        for (String kept : List.of("Timer_RectificationOverdue", "Timer_CityEscalation", "Timer_VerificationOverdue")) {
            assertThat(byField(source.path("timers"), "activityId", kept).path("recreated").asBoolean()).as(kept).isFalse();
        }

        // the one at the removed task is refused, alone or with the others; nothing moves
        assertThat(migrate("owner", packagedVersion, List.of(rectifying, overdue)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(versionOf(rectifying)).isEqualTo(packagedVersion);

        ResponseEntity<JsonNode> migrated = migrate("owner", packagedVersion, List.of(rectifying, verifying));

        assertThat(migrated.getStatusCode()).as("%s", migrated.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(texts(migrated.getBody().path("recreatedTimers"))).containsExactly("Timer_RectificationReminder");
        Batches.run(engine, migrated.getBody().path("batchId").asText());
        assertThat(versionOf(rectifying)).isEqualTo(packagedVersion + 1);
        assertThat(versionOf(verifying)).isEqualTo(packagedVersion + 1);
        assertThat(versionOf(overdue)).as("left on its version").isEqualTo(packagedVersion);
        assertThat(openTasks(overdue)).contains("UserTask_CountySupervision");
        // the moved reminder is recreated from the revision, the other timers keep their due dates
        assertThat(timer(rectifying, "Timer_RectificationReminder").getDuedate().toInstant())
                .isEqualTo(now.plus(MOVED_REMINDER));
        assertThat(timer(rectifying, "Timer_RectificationOverdue").getDuedate()).isEqualTo(deadlineBefore);
        assertThat(timer(verifying, "Timer_VerificationOverdue").getDuedate()).isEqualTo(verificationChaseBefore);

        // the clock: the reminder fires at its new time (the packaged model would remind on day 6)
        ClockUtil.setCurrentTime(Date.from(now.plus(MOVED_REMINDER).minusSeconds(60)));
        assertThat(DueJobs.of(engine, instance(rectifying))).isEmpty();
        ClockUtil.setCurrentTime(Date.from(now.plus(MOVED_REMINDER).plusSeconds(60)));
        DueJobs.run(engine, instance(rectifying));
        assertThat(passed(rectifying, "ServiceTask_RemindBuilder")).isTrue();
        assertThat(openTasks(rectifying)).containsExactly("UserTask_Rectify");

        // a migrated case goes on to its end on the revision
        assertThat(verify(verifyingHazard).getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance(verifying));
        assertThat(instance(verifying)).as("closed").isNull();

        // a restart: the model deployment runs again, the revision stays live, new cases start on it
        long versionsBefore = versions();
        modelDeployment.postProcessEngineBuild(engine);
        assertThat(versions()).isEqualTo(versionsBefore);
        assertThat(live().getDeploymentId()).isEqualTo(revision);
        String raisedAfterRestart = instanceOf(raise());
        assertThat(versionOf(raisedAfterRestart)).isEqualTo(packagedVersion + 1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(raisedAfterRestart).singleResult()
                .getName()).isEqualTo(RENAMED);

        // the revision record: who, when, why, what
        JsonNode record = revisionRecord("owner", revision);
        assertThat(record.path("deployedBy").asText()).isEqualTo("owner");
        assertThat(record.path("why").asText()).isEqualTo(WHY);
        assertThat(record.path("deploymentName").asText()).isEqualTo("隐患整改：提醒提前");
        assertThat(record.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(OffsetDateTime.parse(record.path("deployedAt").asText()).toInstant()).isEqualTo(now);
        assertThat(texts(record.path("resourceNames"))).contains(BPMN, "forms/hazardRectification.html");
        assertThat(texts(record.path("definitions"))).containsExactly(KEY + ":" + (packagedVersion + 1));
        assertThat(revisionRecord("city", revision).path("deployedBy").asText()).isEqualTo("owner");
    }

    @Test
    void anInsurerOrACountyMayNeitherDeployDryRunNorMigrateWhileTheOwnerMay() {
        String waiting = instanceOf(raise());
        int packagedVersion = live().getVersion();
        for (String stranger : List.of("picc", "xinfu")) {
            Answer refused = deployAs(stranger, "不是流程管理员", revisedHazardRectification(), Map.of("comment", "试一试"));
            assertThat(refused.status()).as(stranger + ": " + refused.body()).isEqualTo(403);
            assertThat(live().getVersion()).isEqualTo(packagedVersion);
        }
        Answer deployed = deployAs("owner", "流程管理员部署", revisedHazardRectification(), Map.of());
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String revision = deployed.json().path("id").asText();

        for (String stranger : List.of("picc", "xinfu")) {
            assertThat(http.withBasicAuth(stranger, stranger).getForEntity("/api/process-migrations/" + KEY + "/dry-run",
                    JsonNode.class).getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(migrate(stranger, packagedVersion, List.of(waiting)).getStatusCode()).as(stranger)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(stranger, stranger).getForEntity("/api/model-revisions", JsonNode.class)
                    .getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(versionOf(waiting)).isEqualTo(packagedVersion);

        assertThat(texts(sourceVersion(get("owner", "/api/process-migrations/" + KEY + "/dry-run"), packagedVersion)
                .path("migratableInstanceIds"))).contains(waiting);
        ResponseEntity<JsonNode> migrated = migrate("owner", packagedVersion, List.of(waiting));
        assertThat(migrated.getStatusCode()).as("%s", migrated.getBody()).isEqualTo(HttpStatus.OK);
        Batches.run(engine, migrated.getBody().path("batchId").asText());
        assertThat(versionOf(waiting)).isEqualTo(packagedVersion + 1);
        // the refused deployments left no record; the owner's says who, and why is its name (the Modeler's way)
        JsonNode revisions = get("owner", "/api/model-revisions?size=200").path("items");
        assertThat(revisions.findValuesAsText("deployedBy")).doesNotContain("picc", "xinfu");
        JsonNode record = revisionRecord("owner", revision);
        assertThat(record.path("deployedBy").asText()).isEqualTo("owner");
        assertThat(record.path("why").asText()).isEqualTo("流程管理员部署");
    }

    @Test
    void anAdministratorsDeploymentIsRecordedUnderTheAdministratorAndAGateRefusalIsNotRecorded() {
        Answer deployed = deployAs("demo", "管理员修订", revisedHazardRectification(), Map.of("why", "管理员代为部署"));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String revision = deployed.json().path("id").asText();
        assertThat(revisionRecord("owner", revision).path("deployedBy").asText()).isEqualTo("demo");
        assertThat(revisionRecord("owner", revision).path("why").asText()).isEqualTo("管理员代为部署");

        long recorded = get("owner", "/api/model-revisions").path("total").asLong();
        byte[] scripted = new String(ModelDeploymentPlugin.scanModels().get(BPMN), StandardCharsets.UTF_8)
                .replace("<bpmn:serviceTask id=\"ServiceTask_RemindBuilder\"",
                        "<bpmn:scriptTask id=\"ServiceTask_Script\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script>"
                                + "</bpmn:scriptTask><bpmn:serviceTask id=\"ServiceTask_RemindBuilder\"")
                .getBytes(StandardCharsets.UTF_8);
        Answer refused = deployAs("owner", "带脚本", Map.of(BPMN, scripted), Map.of("comment", "不应被记录"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(get("owner", "/api/model-revisions").path("total").asLong()).isEqualTo(recorded);
    }

    @Test
    void eachCaseShowsTheVersionOfTheDeadlineTableThatDecidedIt_N9_3() {
        int packagedVersion = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(HazardRectificationProcess.DECISION_KEY).latestVersion().singleResult().getVersion();
        String before = instanceOf(raise());
        String revised = new String(ModelDeploymentPlugin.scanModels().get(DMN), StandardCharsets.UTF_8)
                .replace("<outputEntry id=\"OutputEntry_General_Period\"><text>\"P7D\"</text>",
                        "<outputEntry id=\"OutputEntry_General_Period\"><text>\"P5D\"</text>");
        Answer deployed = deployAs("owner", "一般隐患整改期限改为 5 日", Map.of(DMN, revised.getBytes(StandardCharsets.UTF_8)),
                Map.of());
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String revision = deployed.json().path("id").asText();
        String after = instanceOf(raise());

        JsonNode first = decidedBy("owner", before);
        assertThat(first.path("decisionKey").asText()).isEqualTo(HazardRectificationProcess.DECISION_KEY);
        assertThat(first.path("version").asInt()).isEqualTo(packagedVersion);
        assertThat(first.path("deploymentId").asText()).isNotEqualTo(revision);
        assertThat(first.path("deployedAt").asText()).isNotBlank();
        assertThat(first.path("activityId").asText()).isEqualTo(HazardRectificationProcess.TASK_OPEN_RECTIFICATION);
        assertThat(byField(first.path("inputs"), "name", "隐患等级").path("value").asText()).isEqualTo("GENERAL");
        JsonNode period = byField(first.path("outputs"), "name", "rectificationPeriod");
        assertThat(period.path("value").asText()).isEqualTo("P7D");
        assertThat(period.path("ruleId").asText()).isEqualTo("Rule_General");

        JsonNode second = decidedBy("owner", after);
        assertThat(second.path("version").asInt()).isEqualTo(packagedVersion + 1);
        assertThat(second.path("deploymentId").asText()).isEqualTo(revision);
        assertThat(byField(second.path("outputs"), "name", "rectificationPeriod").path("value").asText()).isEqualTo("P5D");

        // the case's own organizations read it; another county and another insurer do not
        assertThat(decidedBy(site.builder().user(), after).path("version").asInt()).isEqualTo(packagedVersion + 1);
        assertThat(decidedBy(verifier.user(), before).path("version").asInt()).isEqualTo(packagedVersion);
        assertThat(decidedBy("city", before).path("version").asInt()).isEqualTo(packagedVersion);
        for (String stranger : List.of("yuanping", "cpic")) {
            assertThat(http.withBasicAuth(stranger, stranger).getForEntity("/api/decisions/cases/" + before,
                    JsonNode.class).getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    // --- the revision ------------------------------------------------------------------------------

    /**
     * The packaged model as an owner changes it in the Modeler: the reminder moves to 3 days after the round
     * opens, the rectification task is renamed, the county's supervision task is removed (the escalation
     * then ends at once); with the forms the model names, as the Modeler deploys them alongside.
     */
    private static Map<String, byte[]> revisedHazardRectification() {
        Map<String, byte[]> packaged = ModelDeploymentPlugin.scanModels();
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(packaged.get(BPMN)));
        model.<UserTask>getModelElementById("UserTask_Rectify").setName(RENAMED);

        TimerEventDefinition reminder = model.<BoundaryEvent>getModelElementById("Timer_RectificationReminder")
                .getChildElementsByType(TimerEventDefinition.class).iterator().next();
        reminder.removeChildElement(reminder.getTimeDate());
        TimeDuration inThreeDays = model.newInstance(TimeDuration.class);
        inThreeDays.setTextContent("P3D");
        reminder.setTimeDuration(inThreeDays);

        SequenceFlow escalated = model.getModelElementById("Flow_CountyEscalated");
        EndEvent supervised = model.getModelElementById("EndEvent_CountySupervised");
        remove(model, "Flow_CountySupervised");
        remove(model, "UserTask_CountySupervision");
        escalated.setTarget(supervised);
        supervised.getIncoming().clear();
        supervised.getIncoming().add(escalated);

        Map<String, byte[]> revision = new TreeMap<>();
        revision.put(BPMN, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
        packaged.keySet().stream().filter(name -> name.startsWith("forms/hazard"))
                .forEach(form -> revision.put(form, packaged.get(form)));
        return revision;
    }

    /** Removes an element and its diagram shape or edge. */
    private static void remove(BpmnModelInstance model, String id) {
        ModelElementInstance element = model.getModelElementById(id);
        List<ModelElementInstance> drawn = new ArrayList<>();
        drawn.addAll(model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() == element).toList());
        drawn.addAll(model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getBpmnElement() == element).toList());
        drawn.forEach(di -> di.getParentElement().removeChildElement(di));
        element.getParentElement().removeChildElement(element);
    }

    // --- the doors -----------------------------------------------------------------------------------

    private Answer deployAs(String user, String name, Map<String, byte[]> resources, Map<String, String> extra) {
        Map<String, String> parts = new LinkedHashMap<>(AS_THE_MODELER_SENDS);
        parts.putAll(extra);
        Answer answer = new EngineDoors(port).as(Door.ENGINE_REST, user, user).deploy(name, resources, parts);
        if (answer.status() == 200) {
            deployedHere.add(answer.json().path("id").asText());
        }
        return answer;
    }

    private ResponseEntity<JsonNode> migrate(String user, int sourceVersion, List<String> instanceIds) {
        return http.withBasicAuth(user, user).postForEntity("/api/process-migrations/" + KEY,
                Map.of("sourceVersion", sourceVersion, "processInstanceIds", instanceIds), JsonNode.class);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode revisionRecord(String user, String deploymentId) {
        return byField(get(user, "/api/model-revisions?size=200").path("items"), "deploymentId", deploymentId);
    }

    private JsonNode decidedBy(String user, String processInstanceId) {
        JsonNode evaluations = get(user, "/api/decisions/cases/" + processInstanceId).path("evaluations");
        assertThat(evaluations).as("one evaluation of the deadline table").hasSize(1);
        return evaluations.get(0);
    }

    private ResponseEntity<JsonNode> submitEvidence(long hazardId) {
        String photo = files.store("after.jpg", "image/jpeg", SampleFiles.jpeg(), site.builder().actor()).sha256();
        return http.withBasicAuth(site.builder().user(), site.builder().user()).postForEntity(
                "/api/hazards/" + hazardId + "/evidence", new HttpEntity<>(new HazardEvidence("已补设连墙件", List.of(photo))),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> verify(long hazardId) {
        return http.withBasicAuth(verifier.user(), verifier.user()).postForEntity(
                "/api/hazards/" + hazardId + "/verification", new HttpEntity<>(new HazardVerdict(true, null)),
                JsonNode.class);
    }

    // --- the cases -----------------------------------------------------------------------------------

    /** A general hazard, as a prevention-service visit raises it. */
    private long raise() {
        String photo = files.store("found.jpg", "image/jpeg", SampleFiles.jpeg(), verifier.actor()).sha256();
        return hazards.raise(new NewHazard(site.project().id(), site.policy().id(), HazardSource.VISIT, 1L,
                HazardCategory.SCAFFOLDING, HazardSeverity.GENERAL, "连墙件缺失，架体外倾", "3 号楼东侧外架 12 层",
                List.of(photo), "立即补设连墙件并加固架体", verifier.id(), verifier.user()));
    }

    private String instanceOf(long hazardId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(hazardId), KEY).singleResult().getId();
    }

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private List<String> openTasks(String instanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).list().stream()
                .map(task -> task.getTaskDefinitionKey()).sorted().toList();
    }

    private Job timer(String instanceId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers()
                .activityId(activityId).singleResult();
    }

    private boolean passed(String instanceId, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(activityId).finished().count() > 0;
    }

    private ProcessDefinition live() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult();
    }

    private long versions() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count();
    }

    private int versionOf(String instanceId) {
        return engine.getRepositoryService().getProcessDefinition(instance(instanceId).getProcessDefinitionId())
                .getVersion();
    }

    private static JsonNode sourceVersion(JsonNode report, int version) {
        return byField(report.path("sources"), "version", String.valueOf(version));
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
