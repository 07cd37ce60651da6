package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Filters, task visibility and the language of the webapps as people see them (headless Chromium,
 * {@link TasklistScript}).
 */
@Tag("browser")
@AnzexianTest
class TasklistBrowserTest {

    /** Longer than a task card is wide: the list must show it whole (#12). */
    private static final String LONG_SUMMARY = "忻府区 · XF-2026-0001 和平街棚户区改造安置房项目（一期）一号楼 · 重大隐患 · 整改期限 2026-12-03";

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
        // work comes from the processes: no free-standing task without owner or deadline (#12)
        assertThat(result.path("navbarActions")).extracting(JsonNode::asText)
                .contains("发起流程").doesNotContain("新建任务");
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
        // the due date is our code's (TaskDueDateDoorsTest): shown, with nothing offered to set, move or clear
        assertThat(ownInsurer.path("dateEditors")).as("date controls in the task pane").isEmpty();
    }

    /**
     * Issue #12, journey 6: the main views of Tasklist, Cockpit, Admin and Welcome in a zh-CN browser (the
     * login page also in an English one) show no English label and no Camunda 8 banner, and carry the
     * system's name and emblem; a screenshot of each view lands in target/screenshots/.
     */
    @Test
    void theWebappsSpeakChineseUnderOurNameAndShowNoBanner() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        fixtures.deployProbe();
        String instanceId = fixtures.startProbe(insurer.groupId(), Duration.ofDays(3)).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(PlatformProbeModel.USER_TASK_HANDLE).singleResult();

        // demo / demo: the administrator of the demo data, who may open Cockpit and Admin (README)
        JsonNode result = tasklistCheck("chinese", insurer.userId(), insurer.userId(), "--task-id", task.getId(),
                "--admin-user", "demo", "--admin-password", "demo", "--locale", "zh-CN",
                "--shots-dir", ProjectFiles.ROOT.resolve("target/screenshots").toString());

        assertThat(result.path("views")).hasSizeGreaterThanOrEqualTo(17);
        result.path("views").forEach(view -> {
            assertThat(view.path("english")).as("English on %s", view.path("view")).isEmpty();
            assertThat(view.path("banner").asBoolean()).as("banner on %s", view.path("view")).isFalse();
            assertThat(view.path("title").asText()).as("title of %s", view.path("view")).startsWith("安责险业务系统");
            assertThat(view.path("emblem").asBoolean()).as("emblem on %s", view.path("view")).isTrue();
            if (!view.path("footer").isNull()) {
                assertThat(view.path("footer").asText()).as("footer of %s", view.path("view")).contains("安责险业务系统 · ");
            }
        });
    }

    /** The browser tab shows our emblem, not Camunda's: {@code /camunda/favicon.ico} is ours (#12). */
    @Test
    void theBrowserTabShowsOurEmblem() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).isEqualTo(Files.readAllBytes(
                ProjectFiles.ROOT.resolve("src/main/resources/META-INF/resources/webjars/camunda/favicon.ico")));
    }

    /**
     * #12: Camunda's Tasklist counts the selected filter only; ours (scripts/anzexian-tasklist.js) counts
     * every one, as the user: the insurer's two group tasks, one of them due within the warning window.
     */
    @Test
    void everyFilterShowsItsNumberOfTasksNotOnlyTheSelectedOne() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        fixtures.deployProbe();
        // the case summary our code writes on every process start tells the two tasks apart in the list
        fixtures.startProbe(insurer.groupId(), Duration.ofHours(2),
                Map.of("caseSummary", LONG_SUMMARY));
        fixtures.startProbe(insurer.groupId(), Duration.ofDays(3));

        JsonNode result = tasklistCheck("counts", insurer.userId(), insurer.userId(), "--expect-count", "我的待办=0",
                "--expect-count", "本组待办=2", "--expect-count", "即将到期=1", "--expect-count", "已逾期=0",
                "--open-filter", "本组待办", "--shot", "tasklist-filter-counts");

        assertThat(result.path("wrong")).isEmpty();
        assertThat(result.path("items")).extracting(JsonNode::asText)
                .anySatisfy(item -> assertThat(item).contains(LONG_SUMMARY));
        assertThat(result.path("clipped")).as("summaries cut off in the list").isEmpty();
    }

    private JsonNode tasklistCheck(String scenario, String user, String password, String... options) {
        return new TasklistScript(port).run(scenario, user, password, options).assertOk();
    }
}
