package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Filters and task visibility in the Tasklist as people see them (headless Chromium, {@link TasklistScript}). */
@AnzexianTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    GroupDirectory groups;

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void browserAvailable() {
        TasklistScript.requireBrowser();
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

    /** #12: Camunda's Tasklist counts the selected filter only; our plugin (FilterCountsPlugin) counts every one. */
    @Test
    void everyFilterShowsItsNumberOfTasksNotOnlyTheSelectedOne() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        fixtures.deployProbe();
        fixtures.startProbe(insurer.groupId(), Duration.ofHours(2));
        fixtures.startProbe(insurer.groupId(), Duration.ofDays(3));

        JsonNode result = tasklistCheck("counts", insurer.userId(), insurer.userId(), "--expect-count", "我的待办=0",
                "--expect-count", "本组待办=2", "--expect-count", "即将到期=1", "--expect-count", "已逾期=0");

        assertThat(result.path("wrong")).isEmpty();
    }

    private JsonNode tasklistCheck(String scenario, String user, String password, String... options) {
        return new TasklistScript(port).run(scenario, user, password, options).assertOk();
    }
}
