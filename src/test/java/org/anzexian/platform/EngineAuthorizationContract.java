package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.PlatformFixtures.Member;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.engine.DoorRefusal;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.platform.identity.Role;
import org.anzexian.underwriting.QuotationRequestProcess;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One organization's users see only their own tasks and instances, in the engine API and through
 * {@code /engine-rest}; each role starts only the processes configured for it.
 */
abstract class EngineAuthorizationContract {

    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;
    @Autowired
    TestRestTemplate http;

    PlatformFixtures fixtures;
    Member insurerA;
    Member insurerB;
    ProcessInstance instanceOfB;

    @BeforeEach
    void twoInsurersAndATaskForB() {
        fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
        insurerA = fixtures.member(Role.INSURER);
        insurerB = fixtures.member(Role.INSURER);
        instanceOfB = fixtures.startProbe(insurerB.groupId(), Duration.ofDays(1));
    }

    @AfterEach
    void clearAuthentication() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void insurerSeesOnlyTasksOfItsOwnGroup() {
        assertThat(tasksOfInstanceAs(insurerB)).extracting(Task::getTaskDefinitionKey).containsExactly(PlatformProbeModel.USER_TASK_HANDLE);
        assertThat(tasksOfInstanceAs(insurerA)).isEmpty();
    }

    @Test
    void insurerCannotReadAnotherInsurersTaskById() {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceOfB.getId())
                .singleResult().getId();
        authenticate(insurerA);
        assertThatThrownBy(() -> engine.getTaskService().getVariables(taskId))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void insurerSeesNoProcessInstanceOfAnotherInsurer() {
        authenticate(insurerA);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instanceOfB.getId()).count()).isZero();
    }

    @Test
    void engineRestAppliesTheSameAuthorizations() {
        String path = "/engine-rest/task?processInstanceId=" + instanceOfB.getId();
        ResponseEntity<List> asB = http.withBasicAuth(insurerB.userId(), insurerB.userId()).getForEntity(path, List.class);
        ResponseEntity<List> asA = http.withBasicAuth(insurerA.userId(), insurerA.userId()).getForEntity(path, List.class);

        assertThat(asB.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asB.getBody()).hasSize(1);
        assertThat(asA.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asA.getBody()).isEmpty();

        ResponseEntity<List> instancesAsA = http.withBasicAuth(insurerA.userId(), insurerA.userId())
                .getForEntity("/engine-rest/process-instance?processInstanceIds=" + instanceOfB.getId(), List.class);
        assertThat(instancesAsA.getBody()).isEmpty();
    }

    /**
     * #12: the Tasklist names a task's process and draws its diagram from the definition, so every
     * organization reads the published models — and still no case of another organization.
     */
    @Test
    void anOrganizationReadsTheProcessModelsButNotTheCasesOfOthers() {
        // an insurer of its own: another test here locks insurer A with wrong passwords
        Member other = fixtures.member(Role.INSURER);
        // a process insurers do not start, so nothing else grants them its definition
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(HazardRectificationProcess.KEY).latestVersion().singleResult().getId();
        ResponseEntity<String> definitionAsA = http.withBasicAuth(other.userId(), other.userId())
                .getForEntity("/engine-rest/process-definition/" + definitionId, String.class);
        ResponseEntity<String> diagramAsA = http.withBasicAuth(other.userId(), other.userId())
                .getForEntity("/engine-rest/process-definition/" + definitionId + "/xml", String.class);
        ResponseEntity<List> instancesAsA = http.withBasicAuth(other.userId(), other.userId())
                .getForEntity("/engine-rest/process-instance?processDefinitionId=" + definitionId, List.class);

        assertThat(definitionAsA.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(definitionAsA.getBody()).contains("\"id\":\"" + definitionId + "\"");
        assertThat(diagramAsA.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(instancesAsA.getBody()).isEmpty();
    }

    @Test
    void engineRestRefusesAWrongPassword() {
        ResponseEntity<String> response = http.withBasicAuth(insurerA.userId(), "wrong")
                .getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRoleStartsOnlyTheProcessesConfiguredForItThroughTheirStartForm() {
        Member builder = fixtures.member(Role.BUILDER);
        String quotationRequest = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(QuotationRequestProcess.KEY).latestVersion().singleResult().getId();
        Map<String, Object> form = Map.of("projectCode", "NO-SUCH-PROJECT", "insurerOrgIds", "1");

        authenticate(insurerA);
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(quotationRequest, form))
                .isInstanceOf(AuthorizationException.class);

        authenticate(builder);
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(quotationRequest, form))
                .as("a builder may start it: the start reaches the form's checks")
                .isInstanceOfSatisfying(DoorRefusal.class, refusal -> assertThat(refusal.status()).isEqualTo(400));
    }

    @Test
    void aProcessWithoutAStartFormIsStartedOnlyByTheSystem() {
        Map<String, Object> variables = Map.of(PlatformProbeModel.VAR_OWNER_GROUP, insurerA.groupId(),
                PlatformProbeModel.VAR_DUE_DATE, new java.util.Date(), PlatformProbeModel.VAR_REMINDER_AFTER, "PT1H");

        authenticate(insurerA);
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PlatformProbeModel.KEY, variables))
                .isInstanceOfSatisfying(DoorRefusal.class, refusal -> assertThat(refusal.status()).isEqualTo(403));

        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getRuntimeService().startProcessInstanceByKey(PlatformProbeModel.KEY, variables)).isNotNull();
    }

    private List<Task> tasksOfInstanceAs(Member member) {
        authenticate(member);
        try {
            return engine.getTaskService().createTaskQuery().processInstanceId(instanceOfB.getId()).list();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void authenticate(Member member) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(member.userId(), List.of(member.groupId()));
    }
}
