package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.anzexian.support.AnzexianTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #13: process owners see where running and finished cases stand — instances, their tasks and history —
 * and change none of them; an organization's user sees no case through these doors.
 */
@AnzexianTest
class ProcessOwnerVisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo's process owner (README), a member of processOwners only. */
    private static final String OWNER = "owner";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;

    final HttpClient client = HttpClient.newHttpClient();
    String instanceId;
    String taskId;

    @BeforeEach
    void aRunningCaseOfAnInsurer() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
        instanceId = fixtures.startProbe(fixtures.member(Role.INSURER).groupId(), Duration.ofDays(2)).getId();
        taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    @Test
    void theOwnerSeesTheRunningCaseItsTaskAndItsHistory() throws Exception {
        assertThat(get(OWNER, "/engine-rest/process-instance?processInstanceIds=" + instanceId))
                .extracting(node -> node.path("id").asText()).containsExactly(instanceId);
        assertThat(get(OWNER, "/engine-rest/task?processInstanceId=" + instanceId))
                .extracting(node -> node.path("id").asText()).containsExactly(taskId);
        assertThat(get(OWNER, "/engine-rest/history/process-instance?processInstanceId=" + instanceId))
                .extracting(node -> node.path("state").asText()).containsExactly("ACTIVE");
        assertThat(get(OWNER, "/engine-rest/history/activity-instance?processInstanceId=" + instanceId))
                .extracting(node -> node.path("activityId").asText())
                .contains(PlatformProbeModel.USER_TASK_HANDLE);
    }

    @Test
    void theOwnerChangesNothingOfTheCase() throws Exception {
        assertThat(post(OWNER, "/engine-rest/process-instance/" + instanceId + "/variables",
                "{\"modifications\":{\"ownerGroup\":{\"value\":\"processOwners\"}}}")).isEqualTo(403);
        assertThat(post(OWNER, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"owner\"}")).isEqualTo(403);
        assertThat(send(OWNER, request("/engine-rest/process-instance/" + instanceId).DELETE())).isEqualTo(403);

        assertThat(engine.getRuntimeService().getVariable(instanceId, PlatformProbeModel.VAR_OWNER_GROUP))
                .isNotEqualTo("processOwners");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
                .isOne();
    }

    /**
     * What Cockpit's 业务信息 tab reads (app/cockpit/scripts/anzexian-cockpit.js): the case summary on the
     * instance, and the running cases found by it.
     */
    @Test
    void theOwnerReadsTheCaseSummaryAndFindsTheCaseByIt() throws Exception {
        String summary = summarisedCase();

        assertThat(get(OWNER, "/engine-rest/variable-instance?variableName=" + TasklistFilters.CASE_SUMMARY
                + "&processInstanceIdIn=" + instanceId))
                .filteredOn(variable -> variable.path("taskId").isNull())
                .extracting(variable -> variable.path("value").asText()).containsExactly(summary);
        assertThat(historyBySummary(OWNER, summary)).extracting(node -> node.path("id").asText())
                .containsExactly(instanceId);
    }

    @Test
    void anotherOrganizationReadsNoCaseSummaryNorFindsTheCaseByIt() throws Exception {
        String summary = summarisedCase();
        String otherInsurer = new PlatformFixtures(engine, groups).member(Role.INSURER).userId();

        for (String user : List.of("xinfu", otherInsurer)) {
            assertThat(get(user, "/engine-rest/variable-instance?variableName=" + TasklistFilters.CASE_SUMMARY
                    + "&processInstanceIdIn=" + instanceId)).as(user).isEmpty();
            assertThat(get(user, "/engine-rest/history/variable-instance?variableName=" + TasklistFilters.CASE_SUMMARY
                    + "&processInstanceIdIn=" + instanceId)).as(user).isEmpty();
            assertThat(historyBySummary(user, summary)).as(user).isEmpty();
        }
    }

    @Test
    void aCountyUserSeesNoCaseThroughTheEngineDoors() throws Exception {
        assertThat(get("xinfu", "/engine-rest/process-instance?processInstanceIds=" + instanceId)).isEmpty();
        assertThat(get("xinfu", "/engine-rest/history/process-instance?processInstanceId=" + instanceId)).isEmpty();
    }

    /** A running case whose summary no other test writes; replaces the case of {@link #aRunningCaseOfAnInsurer}. */
    private String summarisedCase() {
        String summary = "忻府区 · 探针项目 " + UUID.randomUUID().toString().substring(0, 8) + " · 重大隐患";
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        instanceId = fixtures.startProbe(fixtures.member(Role.INSURER).groupId(), Duration.ofDays(2),
                Map.of(TasklistFilters.CASE_SUMMARY, summary)).getId();
        return summary;
    }

    /** The running cases whose summary contains the text, as the tab's search asks. */
    private JsonNode historyBySummary(String user, String text) throws Exception {
        String query = "{\"unfinished\":true,\"variables\":[{\"name\":\"" + TasklistFilters.CASE_SUMMARY
                + "\",\"operator\":\"like\",\"value\":\"%" + text + "%\"}]}";
        HttpResponse<String> response = client.send(request("/engine-rest/history/process-instance")
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s: %s", user, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> response = client.send(request(path).GET().header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s GET %s: %s", user, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int post(String user, String path, String json) throws Exception {
        return send(user, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private int send(String user, HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
