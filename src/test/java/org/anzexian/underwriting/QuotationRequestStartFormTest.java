package org.anzexian.underwriting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.FiledInsurers.Insurer;
import org.anzexian.platform.access.Actor;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.PagedLists;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** N2.1 from the Tasklist: the start form of quotationRequest is the same use case as POST /api/quotation-requests. */
@AnzexianTest
class QuotationRequestStartFormTest extends UnderwritingFixtures {

    @Autowired UnderwritingRepository repository;

    @Test
    void builderStartsQuotationFromStartFormAndInsurerGetsLetterTask() {
        ProcessInstance started = submit(builder.user(), project.code(), " " + insurer.organization().id() + " ");

        Quotation quotation = repository.quotationsOfProject(project.id(), List.of(QuotationStatus.values())).get(0);
        assertThat(quotation.status()).isEqualTo(QuotationStatus.REQUESTED);
        assertThat(quotation.insurerOrgId()).isEqualTo(insurer.organization().id());
        assertThat(quotation.buyerOrgId()).isEqualTo(builder.organization().id());
        assertThat(started).isEnded();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(started.getId())
                .variableName(QuotationRequestProcess.VAR_QUOTATION_IDS).singleResult().getValue())
                .isEqualTo(String.valueOf(quotation.id()));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(started.getId())
                .singleResult().getBusinessKey()).isEqualTo(String.valueOf(quotation.requestId()));
        assertThat(instance(quotation.id())).isWaitingAt(PolicyUnderwritingProcess.TASK_ISSUE_QUOTATION)
                .task().hasCandidateGroup(insurer.organization().groupId());
        // the task lists tell cases apart (#12): county · project · how many insurers were asked
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(started.getId())
                .variableName(QuotationRequestProcess.VAR_CASE_SUMMARY).singleResult().getValue())
                .isEqualTo("忻府区 · " + project.code() + " " + project.name() + " · 向 1 家保险机构询价");
    }

    @Test
    void theTasklistStartFormListsTheUsersProjectsAndTheFiledInsurersAndSubmitsTheTwoVariables() {
        String user = builder.user().userId();
        String form = http.withBasicAuth(user, user).getForObject(
                "/engine-rest/process-definition/key/" + QuotationRequestProcess.KEY + "/deployed-start-form", String.class);

        assertThat(form).contains("$http.get('/api/projects'").contains("$http.get('/api/insurers', { params: { size: 200 } })")
                .contains("cam-variable-name=\"" + QuotationRequestProcess.VAR_PROJECT_CODE + "\"")
                .contains("name: '" + QuotationRequestProcess.VAR_INSURER_ORG_IDS + "'");
        // what the form reads: the builder's own projects, and the insurer among the filed ones
        assertThat(http.withBasicAuth(user, user).getForObject("/api/projects?size=100", String.class))
                .contains(project.code());
        assertThat(PagedLists.all(http, user, "/api/insurers?sort=filedAt,desc").toString())
                .contains("\"organizationId\":" + insurer.organization().id());
    }

    @Test
    void unfiledInsurerFailsTheStartWithTheGateMessageAndCreatesNothing() {
        Insurer unfiled = insurers.unfiled();
        String chosen = insurer.organization().id() + "，" + unfiled.organization().id();

        assertThatThrownBy(() -> submit(builder.user(), project.code(), chosen))
                .hasMessageContaining(InsurerGate.REFUSAL);

        assertThat(repository.quotationsOfProject(project.id(), List.of(QuotationStatus.values()))).isEmpty();
        assertThat(underwritingInstancesOfProject()).isZero();
    }

    @Test
    void builderOfAnotherCompanyCannotAskForQuotationsForTheProject() {
        Builder other = builder();

        assertThatThrownBy(() -> submit(other.user(), project.code(), String.valueOf(insurer.organization().id())))
                .hasMessageContaining("项目不存在");

        assertThat(repository.quotationsOfProject(project.id(), List.of(QuotationStatus.values()))).isEmpty();
        assertThat(underwritingInstancesOfProject()).isZero();
    }

    @Test
    void insurerCannotStartAQuotationRequest() {
        assertThatThrownBy(() -> submit(insurer.clerk(), project.code(), String.valueOf(insurer.organization().id())))
                .isInstanceOf(AuthorizationException.class);

        assertThat(repository.quotationsOfProject(project.id(), List.of(QuotationStatus.values()))).isEmpty();
    }

    private ProcessInstance submit(Actor actor, String projectCode, String insurerIds) {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(QuotationRequestProcess.KEY).latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication(actor.userId(), List.copyOf(actor.groupIds()));
        try {
            return engine.getFormService().submitStartForm(definitionId, Map.of(
                    QuotationRequestProcess.VAR_PROJECT_CODE, projectCode,
                    QuotationRequestProcess.VAR_INSURER_ORG_IDS, insurerIds));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long underwritingInstancesOfProject() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PolicyUnderwritingProcess.KEY)
                .variableValueEquals(PolicyUnderwritingProcess.VAR_PROJECT_ID, project.id()).count();
    }
}
