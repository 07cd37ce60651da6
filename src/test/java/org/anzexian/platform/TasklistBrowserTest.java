package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.ExternalTool;
import org.anzexian.support.ExternalTool.Result;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist as people use it, in Debian's headless Chromium driven by src/test/node/tasklist-check.mjs.
 * Screenshots of failed steps land in target/browser/.
 */
@AnzexianTest
class TasklistBrowserTest {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    GroupDirectory groups;

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void browserAvailable() {
        ExternalTool.requireChromium();
        ExternalTool.requireNodePackages("playwright-core");
    }

    @Test
    void countyUserSeesItsChineseFilters() {
        // demo county user of 忻府区 (demo data, README) and the per-role filters of the platform
        JsonNode result = tasklistCheck("filters", "xinfu", "xinfu",
                "--expect-filter", "我的待办", "--expect-filter", "本组待办", "--expect-filter", "已逾期");

        assertThat(result.path("missing")).isEmpty();
    }

    @Test
    void insurerCannotOpenATaskOfAnotherInsurer() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        PlatformFixtures.Member insurerA = fixtures.member(Role.INSURER);
        PlatformFixtures.Member insurerB = fixtures.member(Role.INSURER);
        fixtures.deployProbe();
        String instanceId = fixtures.startProbe(insurerB.groupId(), Duration.ofDays(3)).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(PlatformProbeModel.USER_TASK_HANDLE).singleResult();
        String userA = insurerA.userId();
        String userB = insurerB.userId();

        JsonNode otherInsurer = tasklistCheck("task", userA, userA, "--task-id", task.getId(),
                "--task-name", PlatformProbeModel.USER_TASK_HANDLE_NAME, "--expect", "hidden");
        JsonNode ownInsurer = tasklistCheck("task", userB, userB, "--task-id", task.getId(),
                "--task-name", PlatformProbeModel.USER_TASK_HANDLE_NAME, "--expect", "visible");

        assertThat(otherInsurer.path("nameAnywhere").asBoolean()).isFalse();
        assertThat(ownInsurer.path("nameShown").asBoolean()).isTrue();
    }

    /** Runs one scenario of the script and returns its JSON result; fails with the script's output. */
    private JsonNode tasklistCheck(String scenario, String user, String password, String... options) {
        List<String> command = new ArrayList<>(List.of("node", "tasklist-check.mjs", scenario,
                "--base-url", "http://localhost:" + port,
                "--user", user, "--password", password,
                "--screenshot-dir", ProjectFiles.ROOT.resolve("target/browser").toString()));
        command.addAll(List.of(options));
        Result run = ExternalTool.run(ProjectFiles.NODE_TOOLS, SCRIPT_TIMEOUT, command);
        String lastLine = run.output().strip().lines().reduce((first, second) -> second).orElse("");
        JsonNode result;
        try {
            result = JSON.readTree(lastLine);
        } catch (IOException e) {
            throw new AssertionError("tasklist-check.mjs printed no JSON result:\n" + run.output(), e);
        }
        assertThat(run.exitCode()).as("tasklist-check.mjs %s as %s:%n%s", scenario, user, run.output()).isZero();
        assertThat(result.path("ok").asBoolean()).as("result of %s as %s: %s", scenario, user, result).isTrue();
        return result;
    }
}
