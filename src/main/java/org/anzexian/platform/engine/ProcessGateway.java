package org.anzexian.platform.engine;

import java.util.Map;
import java.util.Optional;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The one door of our services to the engine for the flows (DESIGN.md §2 "The engine seam"): start a
 * process for a record, correlate a message to a record, find and complete the open task of a record.
 * A record is the process instance's business key, which only our code sets (ADR 0007).
 *
 * <p>Every call runs as the system (without the caller's engine authorizations, which the door guard
 * would otherwise apply): the service has already checked who acts. A task completed for an
 * {@code /api} caller names that caller, and its listeners read it through {@link Acting}.
 */
@Component
public class ProcessGateway {

    /** The open user task {@code taskKey} of record {@code recordId} in process {@code processKey}. */
    public record OpenTask(String id, String processKey, long recordId, String taskKey) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SystemAuthority system;

    ProcessGateway(RuntimeService runtime, TaskService tasks, SystemAuthority system) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.system = system;
    }

    /** Starts process {@code processKey} for record {@code recordId}; returns the process instance's id. */
    public String start(String processKey, long recordId, Map<String, Object> variables) {
        return system.call(() -> runtime.startProcessInstanceByKey(processKey, businessKey(recordId), variables).getId());
    }

    /**
     * Starts process {@code processKey} for record {@code recordId} after the calling service recorded it as
     * {@code recordedStep}: the start's first step reads that through {@link Acting#recordedForApi(
     * org.camunda.bpm.engine.delegate.DelegateExecution, Class)} instead of reading the record back.
     */
    public String startRecorded(String processKey, long recordId, Object recordedStep) {
        return Acting.recordedForApiStart(businessKey(recordId), recordedStep, () -> start(processKey, recordId, Map.of()));
    }

    /** Starts the process whose start event waits for message {@code messageName}, for record {@code recordId}. */
    public void startByMessage(String messageName, long recordId, Map<String, Object> variables) {
        system.run(() -> runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey(recordId))
                .setVariables(variables).correlateStartMessage());
    }

    /** Delivers message {@code messageName} to every instance of record {@code recordId} waiting for it (none is fine). */
    public void correlateAll(String messageName, long recordId) {
        system.run(() -> runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey(recordId))
                .correlateAll());
    }

    /** The open task {@code taskKey} of record {@code recordId} in process {@code processKey}, if there is one. */
    public Optional<OpenTask> openTask(String processKey, long recordId, String taskKey) {
        Task task = system.call(() -> tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey(recordId)).taskDefinitionKey(taskKey).singleResult());
        return Optional.ofNullable(task).map(found -> new OpenTask(found.getId(), processKey, recordId, taskKey));
    }

    /**
     * Completes {@code task} for {@code actor}, whom the calling service has checked, with the
     * {@code variables} the process reads next. A refusal of the task's listener reaches the caller as
     * the refusal it is (400, 403, 404, 409), not wrapped by the engine.
     */
    public void complete(OpenTask task, Actor actor, Map<String, Object> variables) {
        try {
            Acting.forApiCaller(actor, () -> system.run(() -> tasks.complete(task.id(), variables)));
        } catch (ProcessEngineException e) {
            if (e.getCause() instanceof InvalidRequestException || e.getCause() instanceof ConflictException
                    || e.getCause() instanceof ForbiddenException || e.getCause() instanceof NotFoundException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /**
     * Completes {@code task} for {@code actor} after the calling service's method for this step has
     * checked and recorded it as {@code recordedStep}: the task's listener reads that through
     * {@link Acting#recordedForApi} instead of recording the step again, and sets the routing facts.
     */
    public void completeRecorded(OpenTask task, Actor actor, Object recordedStep) {
        Acting.recordedForApi(task.id(), recordedStep, () -> complete(task, actor, Map.of()));
    }

    private static String businessKey(long recordId) {
        return String.valueOf(recordId);
    }
}
