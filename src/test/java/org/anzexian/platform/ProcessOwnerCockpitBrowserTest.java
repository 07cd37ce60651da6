package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #13: the process owner opens a process in Cockpit and sees where its running cases stand — the
 * instance badges on the diagram and the instance list — in a real browser.
 */
@Tag("browser")
@AnzexianTest
class ProcessOwnerCockpitBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;

    @BeforeEach
    void browserAvailable() {
        TasklistScript.requireBrowser();
    }

    @Test
    void theOwnerSeesTheRunningCasesOnTheDiagramAndInTheList() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
        String insurerGroup = fixtures.member(Role.INSURER).groupId();
        List<String> running = List.of(fixtures.startProbe(insurerGroup, Duration.ofDays(2)).getId(),
                fixtures.startProbe(insurerGroup, Duration.ofDays(3)).getId());
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PlatformProbeModel.KEY).latestVersion().singleResult().getId();

        JsonNode cockpit = new TasklistScript(port).run("cockpit", "owner", "owner", "--definition-id", definitionId,
                "--shot", "cockpit-owner-runtime").assertOk();

        assertThat(cockpit.path("badges")).anySatisfy(badge -> {
            assertThat(badge.path("activity").asText()).isEqualTo(PlatformProbeModel.USER_TASK_HANDLE);
            assertThat(badge.path("count").asInt()).isGreaterThanOrEqualTo(running.size());
        });
        String rows = cockpit.path("instanceRows").toString();
        assertThat(running).allSatisfy(instanceId -> assertThat(rows).contains(instanceId));
    }
}
