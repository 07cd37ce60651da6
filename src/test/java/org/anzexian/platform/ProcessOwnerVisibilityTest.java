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
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
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

    @Test
    void aCountyUserSeesNoCaseThroughTheEngineDoors() throws Exception {
        assertThat(get("xinfu", "/engine-rest/process-instance?processInstanceIds=" + instanceId)).isEmpty();
        assertThat(get("xinfu", "/engine-rest/history/process-instance?processInstanceId=" + instanceId)).isEmpty();
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
