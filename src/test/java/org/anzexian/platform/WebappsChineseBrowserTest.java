package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
 * Issue #12, journey 6: the main views of Tasklist, Cockpit, Admin and Welcome, in headless Chromium with
 * a zh-CN browser (and the login page with an English one), show no English label and no Camunda 8 banner,
 * and carry the system's name and emblem. Screenshots of every view land in target/screenshots/.
 */
@AnzexianTest
class WebappsChineseBrowserTest {

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
    void theWebappsSpeakChineseUnderOurNameAndShowNoBanner() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        fixtures.deployProbe();
        String instanceId = fixtures.startProbe(insurer.groupId(), Duration.ofDays(3)).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(PlatformProbeModel.USER_TASK_HANDLE).singleResult();

        // demo / demo: the administrator of the demo data, who may open Cockpit and Admin (README)
        JsonNode result = new TasklistScript(port).run("chinese", insurer.userId(), insurer.userId(),
                "--task-id", task.getId(), "--admin-user", "demo", "--admin-password", "demo",
                "--locale", "zh-CN", "--shots-dir", ProjectFiles.ROOT.resolve("target/screenshots").toString())
                .assertOk();

        assertThat(result.path("views")).hasSizeGreaterThanOrEqualTo(17);
        result.path("views").forEach(view -> {
            assertThat(view.path("english")).as("English on %s", view.path("view")).isEmpty();
            assertThat(view.path("banner").asBoolean()).as("banner on %s", view.path("view")).isFalse();
            assertThat(view.path("title").asText()).as("title of %s", view.path("view")).startsWith("安责险业务系统");
        });
    }
}
