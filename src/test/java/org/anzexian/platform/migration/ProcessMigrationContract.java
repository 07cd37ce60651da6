package org.anzexian.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anzexian.support.Batches;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * #13, migration with a dry run: a revised version renames a task, moves its reminder timer and drops a
 * later task. The dry run lists the running instances of the old version — two mappable, one waiting
 * at the dropped task; migrating all is refused; migrating the two moves them with the timer recreated
 * and leaves the third; a non-owner can do none of it.
 */
abstract class ProcessMigrationContract {

    private static final String OWNER = "owner";

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    String key;
    final List<String> deployments = new ArrayList<>();
    List<String> atReview;
    String atApproval;

    @BeforeEach
    void version1WithThreeRunningInstances() {
        key = "migrationProbe" + UUID.randomUUID().toString().substring(0, 8);
        deploy(model("复核", "PT1H", true));
        atReview = List.of(start(), start());
        atApproval = start();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(atApproval)
                .singleResult().getId());
        deploy(model("复核（修订）", "PT2H", false));
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void theDryRunListsMappableInstancesAndTheOneWaitingAtTheDroppedTask() {
        JsonNode report = get(OWNER, "/api/process-migrations/" + key + "/dry-run");

        assertThat(report.path("targetVersion").asInt()).isEqualTo(2);
        assertThat(report.path("sources")).hasSize(1);
        JsonNode version1 = report.path("sources").get(0);
        assertThat(version1.path("version").asInt()).isEqualTo(1);
        assertThat(version1.path("instanceCount").asInt()).isEqualTo(3);
        assertThat(texts(version1.path("migratableInstanceIds"))).containsExactlyInAnyOrderElementsOf(atReview);
        assertThat(texts(version1.path("blockedInstanceIds"))).containsExactly(atApproval);
        assertThat(version1.path("mapped").findValuesAsText("sourceActivityId")).contains("UserTask_Review", "Timer_Remind")
                .doesNotContain("UserTask_Approve");
        assertThat(version1.path("unmapped")).hasSize(1);
        assertThat(version1.path("unmapped").get(0).path("activityId").asText()).isEqualTo("UserTask_Approve");
        assertThat(version1.path("unmapped").get(0).path("name").asText()).isEqualTo("审批");
        assertThat(texts(version1.path("unmapped").get(0).path("waitingInstanceIds"))).containsExactly(atApproval);
        assertThat(version1.path("timers")).hasSize(1);
        assertThat(version1.path("timers").get(0).path("activityId").asText()).isEqualTo("Timer_Remind");
        assertThat(version1.path("timers").get(0).path("recreated").asBoolean()).isTrue();
    }

    @Test
    void migratingAnInstanceWaitingAtTheDroppedTaskIsRefusedAndNothingMoves() {
        ResponseEntity<JsonNode> refused = post(OWNER, Map.of("sourceVersion", 1));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("activityMappings.UserTask_Approve", atApproval, "审批");
        assertThat(instancesOfVersion(1)).isEqualTo(3);
        assertThat(recordedMigrations()).isZero();
    }

    @Test
    void theMappableInstancesMoveWithTheirTimerRecreatedAndTheOtherStays() {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        ClockUtil.setCurrentTime(java.util.Date.from(now));

        ResponseEntity<JsonNode> migrated = post(OWNER, Map.of("sourceVersion", 1, "processInstanceIds", atReview));

        assertThat(migrated.getStatusCode()).as("%s", migrated.getBody()).isEqualTo(HttpStatus.OK);
        Batches.run(engine, migrated.getBody().path("batchId").asText());
        for (String instance : atReview) {
            assertThat(versionOf(instance)).isEqualTo(2);
            Job reminder = engine.getManagementService().createJobQuery().processInstanceId(instance).timers()
                    .singleResult();
            assertThat(reminder.getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofHours(2)));
            // the open task moves with its instance; Camunda keeps the name it was created with
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult()
                    .getProcessDefinitionId()).isEqualTo(definitionId(2));
        }
        assertThat(versionOf(atApproval)).isEqualTo(1);
        assertThat(texts(migrated.getBody().path("recreatedTimers"))).containsExactly("Timer_Remind");
        assertThat(recordedMigrations()).isOne();
        assertThat(jdbc.sql("SELECT requested_by FROM process_migration WHERE process_key = :key").param("key", key)
                .query(String.class).single()).isEqualTo(OWNER);
    }

    @Test
    void aMappingForTheDroppedTaskLetsItsInstanceMove() {
        ResponseEntity<JsonNode> migrated = post(OWNER, Map.of("sourceVersion", 1, "processInstanceIds", List.of(atApproval),
                "activityMappings", Map.of("UserTask_Approve", "UserTask_Review")));

        assertThat(migrated.getStatusCode()).as("%s", migrated.getBody()).isEqualTo(HttpStatus.OK);
        Batches.run(engine, migrated.getBody().path("batchId").asText());
        assertThat(versionOf(atApproval)).isEqualTo(2);
    }

    @Test
    void theOwnerReadsWhatChangedBetweenTheVersions() {
        JsonNode changes = get(OWNER, "/api/model-changes/processes/" + key);

        assertThat(changes.path("fromVersion").asInt()).isEqualTo(1);
        assertThat(changes.path("toVersion").asInt()).isEqualTo(2);
        assertThat(changes.path("removed").findValuesAsText("id")).contains("UserTask_Approve");
        JsonNode review = element(changes.path("changed"), "UserTask_Review");
        assertThat(texts(review.path("changes").path("name"))).containsExactly("复核", "复核（修订）");
        JsonNode timer = element(changes.path("changed"), "Timer_Remind");
        assertThat(texts(timer.path("changes").path("timeDuration"))).containsExactly("PT1H", "PT2H");
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/model-changes/processes/" + key,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theOwnerReadsWhichDecisionRuleChanged() {
        String shipped = new String(org.anzexian.platform.engine.ModelDeploymentPlugin.scanModels()
                .get("processes/hazardDeadline.dmn"), java.nio.charset.StandardCharsets.UTF_8);
        String revised = shipped.replace("<outputEntry id=\"OutputEntry_Major_Period\"><text>\"PT24H\"</text>",
                "<outputEntry id=\"OutputEntry_Major_Period\"><text>\"PT12H\"</text>");
        assertThat(revised).isNotEqualTo(shipped);
        deployments.add(engine.getRepositoryService().createDeployment().name("migration-test-dmn")
                .addString("processes/hazardDeadline.dmn", revised).deploy().getId());

        JsonNode changes = get(OWNER, "/api/model-changes/decisions/hazardDeadline");

        assertThat(changes.path("added")).isEmpty();
        assertThat(changes.path("removed")).isEmpty();
        assertThat(changes.path("changed").findValuesAsText("id")).containsExactly("Rule_Major");
        assertThat(changes.path("changed").get(0).path("changes").path("outputs").get(1).asText()).startsWith("\"PT12H\"");
    }

    @Test
    void noOneButAProcessOwnerMayDryRunOrMigrate() {
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/process-migrations/" + key + "/dry-run",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("city", Map.of("sourceVersion", 1, "processInstanceIds", atReview)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(instancesOfVersion(1)).isEqualTo(3);
        assertThat(recordedMigrations()).isZero();
    }

    private BpmnModelInstance model(String reviewName, String remindAfter, boolean withApproval) {
        var review = Bpmn.createExecutableProcess(key).name("迁移探针").camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .userTask("UserTask_Review").name(reviewName).camundaCandidateGroups("processOwners")
                .boundaryEvent("Timer_Remind").name("提醒").cancelActivity(false).timerWithDuration(remindAfter)
                .endEvent("End_Reminded")
                .moveToActivity("UserTask_Review");
        return withApproval
                ? review.userTask("UserTask_Approve").name("审批").camundaCandidateGroups("processOwners").endEvent("End").done()
                : review.endEvent("End").done();
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(engine.getRepositoryService().createDeployment().name("migration-test")
                .addModelInstance(key + ".bpmn", model).deploy().getId());
    }

    private String start() {
        return engine.getRuntimeService().startProcessInstanceByKey(key).getId();
    }

    private int versionOf(String instanceId) {
        String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult().getProcessDefinitionId();
        return engine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
    }

    private long instancesOfVersion(int version) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definitionId(version)).count();
    }

    private String definitionId(int version) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult().getId();
    }

    private long recordedMigrations() {
        return jdbc.sql("SELECT COUNT(*) FROM process_migration WHERE process_key = :key").param("key", key)
                .query(Long.class).single();
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> request) {
        return http.withBasicAuth(user, user).postForEntity("/api/process-migrations/" + key, request, JsonNode.class);
    }

    private static JsonNode element(JsonNode changes, String id) {
        for (JsonNode change : changes) {
            if (change.path("id").asText().equals(id)) {
                return change;
            }
        }
        throw new AssertionError(id + " is not among the changed elements: " + changes);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
