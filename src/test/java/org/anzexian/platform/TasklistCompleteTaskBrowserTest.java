package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Work done in the Tasklist reaches the engine: a member of the task's group claims it, fills the probe's
 * Camunda Form (one field of each kind) and completes it in headless Chromium; the engine's history is the
 * judge, so a form that silently submits nothing fails here.
 */
@Tag("browser")
@AnzexianTest
class TasklistCompleteTaskBrowserTest {

    private static final Map<String, String> FORM_INPUT = Map.of(
            "经办人", "张三",
            "办理结果", "同意",
            "后续安排", "现场回访",
            "评分", "4",
            "已告知投保人", "true",
            "办理意见", "材料齐全，同意办结。");

    @LocalServerPort
    int port;

    @Autowired
    GroupDirectory groups;

    @Autowired
    ProcessEngine engine;

    PlatformFixtures fixtures;

    @BeforeEach
    void browserAndFixtures() {
        TasklistScript.requireBrowser();
        fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
    }

    @Test
    void memberOfTheTaskGroupClaimsFillsAndCompletesTheFormInTheTasklist() {
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        String instanceId = fixtures.startProbe(insurer.groupId(), Duration.ofDays(3)).getId();

        JsonNode result = new TasklistScript(port)
                .complete(insurer.userId(), insurer.userId(), probeTask(instanceId).getId(), FORM_INPUT)
                .assertOk();

        assertThat(result.path("claimed").asBoolean()).isTrue();
        assertThat(result.path("completed").asBoolean()).isTrue();
        assertThat(result.path("filled")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(FORM_INPUT.keySet());
        HistoryService history = engine.getHistoryService();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo(PlatformProbeModel.EVENT_HANDLED);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).singleResult()
                .getAssignee()).isEqualTo(insurer.userId());
        assertThat(variable(instanceId, "handler")).isEqualTo("张三");
        assertThat(variable(instanceId, "decision")).isEqualTo("approve");
        assertThat(variable(instanceId, "followUp")).isEqualTo("visit");
        assertThat(variable(instanceId, "score")).isEqualTo(4);
        assertThat(variable(instanceId, "notified")).isEqualTo(true);
        assertThat(variable(instanceId, "remark")).isEqualTo("材料齐全，同意办结。");
    }

    @Test
    void userOfAnotherInsurerCannotCompleteTheTask() {
        PlatformFixtures.Member owner = fixtures.member(Role.INSURER);
        PlatformFixtures.Member other = fixtures.member(Role.INSURER);
        String instanceId = fixtures.startProbe(owner.groupId(), Duration.ofDays(3)).getId();

        TasklistScript.Run run = new TasklistScript(port)
                .complete(other.userId(), other.userId(), probeTask(instanceId).getId(), FORM_INPUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.result().path("ok").asBoolean()).isFalse();
        assertThat(run.result().path("error").asText()).contains("not found or not visible");
        assertThat(run.result().path("filled")).isEmpty();
        Task stillOpen = probeTask(instanceId);
        assertThat(stillOpen).isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();
    }

    @Test
    void aMisroutedTaskIsRefusedInTheTasklistWithTheChineseReasonAloneAndStaysOpen() {
        PlatformFixtures.Member owner = fixtures.member(Role.INSURER);
        PlatformFixtures.Member other = fixtures.member(Role.INSURER);
        String instanceId = fixtures.startProbe(owner.groupId(), Duration.ofDays(3)).getId();
        // as if a variable had once routed the task to the other insurer and it had claimed it: the engine
        // lets it see and work the task, only the business tables say whose step it is
        engine.getTaskService().addCandidateGroup(probeTask(instanceId).getId(), other.groupId());
        engine.getTaskService().setAssignee(probeTask(instanceId).getId(), other.userId());

        TasklistScript.Run run = new TasklistScript(port)
                .complete(other.userId(), other.userId(), probeTask(instanceId).getId(), FORM_INPUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        String error = run.result().path("error").asText();
        assertThat(error).contains("HTTP 403");
        String shown = error.substring(error.indexOf("| shown:"));
        assertThat(shown).contains("「" + PlatformProbeModel.USER_TASK_HANDLE_NAME + "」不属于您所在的单位，不能办理")
                .doesNotContain("ENGINE-").doesNotContain(probeTask(instanceId).getId()).doesNotContain("Exception");
        assertThat(probeTask(instanceId)).as("the task stays open").isNotNull();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("decision").count()).as("nothing of the form was kept").isZero();
    }

    @Test
    void unknownLabelFailsNamingItAndTheTaskStaysOpen() {
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        String instanceId = fixtures.startProbe(insurer.groupId(), Duration.ofDays(3)).getId();

        TasklistScript.Run run = new TasklistScript(port)
                .complete(insurer.userId(), insurer.userId(), probeTask(instanceId).getId(), Map.of("审批意见", "同意"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.result().path("error").asText()).contains("no form field labelled '审批意见'", "办理意见");
        assertThat(run.result().path("screenshot").asText()).endsWith(".png");
        assertThat(probeTask(instanceId)).isNotNull();
    }

    @Test
    void formMissingARequiredFieldIsRefusedNamingTheField() {
        PlatformFixtures.Member insurer = fixtures.member(Role.INSURER);
        String instanceId = fixtures.startProbe(insurer.groupId(), Duration.ofDays(3)).getId();

        TasklistScript.Run run = new TasklistScript(port)
                .complete(insurer.userId(), insurer.userId(), probeTask(instanceId).getId(), Map.of("办理结果", "退回"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.result().path("filled")).extracting(JsonNode::asText).containsExactly("办理结果");
        assertThat(run.result().path("completed").asBoolean()).isFalse();
        // form-js says it in English; our Tasklist script says it in Chinese (#12)
        assertThat(run.result().path("error").asText()).contains("经办人: 必填项").doesNotContain("Field is required");
        assertThat(probeTask(instanceId)).isNotNull();
    }

    private Task probeTask(String instanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(PlatformProbeModel.USER_TASK_HANDLE).singleResult();
    }

    /** The typed value as the engine stored it (String, Integer, Boolean, ...). */
    private Object variable(String instanceId, String name) {
        HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).variableName(name).singleResult();
        assertThat(variable).as("variable %s of %s", name, instanceId).isNotNull();
        return variable.getValue();
    }
}
