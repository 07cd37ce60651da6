package org.anzexian.platform.decision;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.engine.StepOwnerships;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.NotFoundException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Which version of which decision table decided a case (#13, N9.3): every decision evaluated in a process
 * instance's history, with the table's version, the deployment that made it live and the inputs and
 * outputs it saw. A changed table decides new cases only, so two cases may show two versions.
 */
@Component
public class CaseDecisions {

    /** One evaluation: the table and its version, when and where in the case, what went in and came out. */
    public record Evaluation(String decisionKey, String decisionName, int version, String decisionDefinitionId,
            String deploymentId, String deploymentName, OffsetDateTime deployedAt, OffsetDateTime evaluatedAt,
            String activityId, List<Input> inputs, List<Output> outputs) {
    }

    public record Input(String clauseId, String name, Object value) {
    }

    /** An output of a matched rule ({@code ruleId} is the rule's id in the table, e.g. {@code Rule_Major}). */
    public record Output(String ruleId, Integer ruleOrder, String clauseId, String name, Object value) {
    }

    public record CaseDecision(String processInstanceId, String processKey, String businessKey,
            List<Evaluation> evaluations) {
    }

    private final ProcessEngine engine;
    private final SystemAuthority system;
    private final StepOwnerships owners;

    CaseDecisions(ProcessEngine engine, SystemAuthority system, StepOwnerships owners) {
        this.engine = engine;
        this.system = system;
        this.owners = owners;
    }

    /**
     * The decisions of the case: process owners and the city bureau read every case, an organization the
     * cases one of whose steps it owns (the same owners the engine's doors ask, read from our tables).
     */
    public CaseDecision of(Actor actor, String processInstanceId) {
        return system.call(() -> {
            HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            if (instance == null || !mayRead(actor, instance)) {
                throw new NotFoundException("没有这个案件，或您无权查看 (no such case for you): " + processInstanceId);
            }
            List<Evaluation> evaluations = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                    .processInstanceId(processInstanceId).includeInputs().includeOutputs()
                    .orderByEvaluationTime().asc().list().stream()
                    .map(this::evaluation).toList();
            return new CaseDecision(processInstanceId, instance.getProcessDefinitionKey(), instance.getBusinessKey(),
                    evaluations);
        });
    }

    private boolean mayRead(Actor actor, HistoricProcessInstance instance) {
        if (actor.seesWholeCity() || actor.isMemberOf(PlatformGroups.PROCESS_OWNERS)) {
            return true;
        }
        Set<String> stepOwners = engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementsByType(UserTask.class).stream()
                .map(task -> owners.ownerGroups(instance.getProcessDefinitionKey(), instance.getBusinessKey(), task.getId()))
                .flatMap(Collection::stream)
                .collect(Collectors.toSet());
        return stepOwners.stream().anyMatch(actor::isMemberOf);
    }

    private Evaluation evaluation(HistoricDecisionInstance decision) {
        DecisionDefinition definition = engine.getRepositoryService().getDecisionDefinition(decision.getDecisionDefinitionId());
        Deployment deployment = engine.getRepositoryService().createDeploymentQuery()
                .deploymentId(definition.getDeploymentId()).singleResult();
        List<Input> inputs = decision.getInputs().stream()
                .map((HistoricDecisionInputInstance input) -> new Input(input.getClauseId(), input.getClauseName(),
                        input.getValue()))
                .toList();
        List<Output> outputs = decision.getOutputs().stream()
                .map((HistoricDecisionOutputInstance output) -> new Output(output.getRuleId(), output.getRuleOrder(),
                        output.getClauseId(), output.getVariableName(), output.getValue()))
                .toList();
        return new Evaluation(definition.getKey(), definition.getName(), definition.getVersion(), definition.getId(),
                deployment.getId(), deployment.getName(), at(deployment.getDeploymentTime()),
                at(decision.getEvaluationTime()), decision.getActivityId(), inputs, outputs);
    }

    private static OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
