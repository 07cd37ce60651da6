package org.anzexian.platform.engine;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's doors (the Tasklist's REST API, {@code /engine-rest}, any Java caller acting as a
 * user) treat process variables as user input (DESIGN.md §2a, ADR 0007). A command run by a logged-in
 * user — not by our own code, which runs as the system or inside a command already — is checked here:
 * <ul>
 * <li>completing a task: the user belongs to a group that owns this step of this record
 * ({@link StepOwnership}, business tables), and submits only the fields the task's form declares, its
 * read-only fields unchanged;</li>
 * <li>starting a process: only through a start event with a form, with the form's fields only, no
 * business key (the record is created by the start, never named by the user);</li>
 * <li>writing variables, editing a task (due date, candidates, owner, delegation), correlating
 * messages and signals: refused, except for administrators; claiming and giving back one's own task
 * stay open.</li>
 * </ul>
 * A refusal ({@link DoorRefusal}), and any refusal our listeners raise in the user's command, is
 * remembered for the request so the door answers 400/403 with the Chinese reason.
 */
class DoorGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DoorGuard.class);

    private final ProcessEngineConfigurationImpl engine;
    private final StepOwnerships owners;
    private volatile DeployedForms forms;

    DoorGuard(ProcessEngineConfigurationImpl engine, StepOwnerships owners) {
        this.engine = engine;
        this.owners = owners;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user == null || Context.getCommandContext() != null) {
            // our own code (as the system) or a step inside a command the engine is already running
            return next.execute(command);
        }
        try {
            if (command instanceof AssignTaskCmd assign) {
                return assignOwnTask(assign, user, command);
            }
            inspect(command, user);
            return next.execute(command);
        } catch (RuntimeException e) {
            if (e instanceof DoorRefusal refusal) {
                RefusalResponses.remember(refusal);
                throw e;
            }
            throw refusalFor(e, command, user).map(refusal -> remembered(refusal, e)).orElseThrow(() -> e);
        }
    }

    /**
     * Our services' refusals, wherever the engine wrapped them (a listener's exception arrives inside
     * "Exception while invoking TaskListener"), and values a form's reader could not take — the person's
     * input, not our fault — become the door's 400/403 with the reason meant for the person.
     */
    private Optional<DoorRefusal> refusalFor(RuntimeException failure, Command<?> command, Authentication user) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRequestException invalid) {
                FormFields form = formOf(command);
                return Optional.of(DoorRefusal.invalid(invalid.fieldErrors().stream()
                        .map(error -> form.labelOf(error.field()).map(label -> "「" + label + "」" + error.message())
                                .orElse(error.message()))
                        .toList()));
            }
            if (cause instanceof ForbiddenException forbidden) {
                return Optional.of(DoorRefusal.forbidden(forbidden.getMessage()));
            }
            if (cause instanceof ConflictException || cause instanceof NotFoundException) {
                return Optional.of(DoorRefusal.invalid(cause.getMessage()));
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isFormSubmission(command) && (cause instanceof ClassCastException || cause instanceof DateTimeException
                    || cause instanceof IllegalArgumentException)) {
                log.info("Form input of {} refused: {}", user.getUserId(), cause.toString());
                return Optional.of(DoorRefusal.invalid("表单中有无法识别的内容，请检查填写的格式后再提交"));
            }
        }
        return Optional.empty();
    }

    private static boolean isFormSubmission(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                || command instanceof SubmitStartFormCmd || command instanceof StartProcessInstanceCmd;
    }

    private static RuntimeException remembered(DoorRefusal refusal, RuntimeException cause) {
        RuntimeException thrown = (RuntimeException) refusal;
        thrown.initCause(cause);
        RefusalResponses.remember(refusal);
        return thrown;
    }

    private void inspect(Command<?> command, Authentication user) {
        if (command instanceof CompleteTaskCmd) {
            checkCompletion(user, field(command, "taskId"), field(command, "variables"));
        } else if (command instanceof SubmitTaskFormCmd) {
            checkCompletion(user, field(command, "taskId"), field(command, "properties"));
        } else if (command instanceof SubmitStartFormCmd) {
            String definitionId = field(command, "processDefinitionId");
            checkStart(user, definition(definitionId, null), field(command, "businessKey"), field(command, "variables"));
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
            checkStart(user, definition(start.getProcessDefinitionId(), start.getProcessDefinitionKey()),
                    start.getBusinessKey(), start.getVariables());
        } else if (command instanceof ClaimTaskCmd && !isAdmin(user)) {
            claimOwnStep(user, field(command, "taskId"));
        } else if (!isAdmin(user) && isEditOnly(command)) {
            throw DoorRefusal.forbidden(refusalOfEdit(command));
        }
    }

    /** Commands that change what our code decided; nobody but an administrator runs them by hand. */
    private static boolean isEditOnly(Command<?> command) {
        return command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
                || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractSetTaskPropertyCmd || command instanceof SaveTaskCmd
                || command instanceof DelegateTaskCmd || command instanceof ResolveTaskCmd
                || command instanceof SetTaskOwnerCmd || command instanceof DeleteIdentityLinkCmd
                || command instanceof AddIdentityLinkForProcessDefinitionCmd
                || command instanceof DeleteIdentityLinkForProcessDefinitionCmd
                || command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
                || command instanceof SignalCmd || command instanceof SignalEventReceivedCmd
                || command instanceof EvaluateStartConditionCmd
                || command instanceof StartProcessInstanceAtActivitiesCmd
                // TASK_WORK lets a candidate end the task with a BPMN error or escalation, variables included:
                // an uncaught error ends the instance without the step ever being done
                || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd;
    }

    private static String refusalOfEdit(Command<?> command) {
        if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
                || command instanceof SignalCmd || command instanceof SignalEventReceivedCmd
                || command instanceof EvaluateStartConditionCmd) {
            return "流程消息由系统发出，不能手工触发";
        }
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            return "流程只能从开始处发起";
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            return "任务只能通过办理提交完成，不能以流程错误或升级事件结束";
        }
        return "任务和流程数据由系统维护，只能通过办理任务提交";
    }

    /**
     * Claiming is {@code ClaimTaskCmd} (allowed by {@code TASK_WORK}); the Tasklist's "give back" and
     * "assign to me" are assignments: allowed for one's own task, run as the system since
     * {@code TASK_WORK} does not cover them.
     */
    private <T> T assignOwnTask(AssignTaskCmd assign, Authentication user, Command<T> command) {
        if (isAdmin(user)) {
            return next.execute(command);
        }
        String taskId = field(assign, "taskId");
        String newAssignee = field(assign, "userId");
        Task task = asSystem(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return next.execute(command);
        }
        boolean givesBack = newAssignee == null && user.getUserId().equals(task.getAssignee());
        boolean takes = user.getUserId().equals(newAssignee) && task.getAssignee() == null;
        if (!givesBack && !takes) {
            throw DoorRefusal.forbidden("只能认领或退回自己的任务");
        }
        requireOwner(user, task);
        return asSystem(() -> next.execute(command));
    }

    /**
     * Claiming takes a step for oneself: only for a member of the organization that owns it, so a candidate
     * by mistake cannot take it from the owners. A process without a {@link StepOwnership} is left to the
     * engine: nobody can complete its tasks anyway.
     */
    private void claimOwnStep(Authentication user, String taskId) {
        Task task = asSystem(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task != null && task.getProcessInstanceId() != null
                && owners.processKeys().contains(definition(task.getProcessDefinitionId(), null).getKey())) {
            requireOwner(user, task);
        }
    }

    /** The form of the task a command completes, or of the start event it submits; none if it has none. */
    private FormFields formOf(Command<?> command) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            Task task = taskWithForm(field(command, "taskId"));
            return task == null || task.getProcessDefinitionId() == null ? FormFields.NONE : taskForm(task);
        }
        if (command instanceof SubmitStartFormCmd) {
            return Optional.ofNullable(startForm(definition(field(command, "processDefinitionId"), null)))
                    .orElse(FormFields.NONE);
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
            return Optional.ofNullable(startForm(definition(start.getProcessDefinitionId(), start.getProcessDefinitionKey())))
                    .orElse(FormFields.NONE);
        }
        return FormFields.NONE;
    }

    private Task taskWithForm(String taskId) {
        return asSystem(() -> engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    }

    private FormFields taskForm(Task task) {
        ProcessDefinition definition = definition(task.getProcessDefinitionId(), null);
        return asSystem(() -> forms().fields(definition.getDeploymentId(), task.getCamundaFormRef(), task.getFormKey()))
                .orElse(FormFields.NONE);
    }

    /** The fields of the process's start form; {@code null} when its start event has no form. */
    private FormFields startForm(ProcessDefinition definition) {
        StartFormData form = asSystem(() -> engine.getFormService().getStartFormData(definition.getId()));
        return form == null ? null : asSystem(() -> forms().fields(definition.getDeploymentId(),
                form.getCamundaFormRef(), form.getFormKey())).orElse(null);
    }

    private void checkCompletion(Authentication user, String taskId, Map<String, ?> submitted) {
        Task task = taskWithForm(taskId);
        if (task == null || task.getProcessInstanceId() == null) {
            return; // the engine answers an unknown task itself; stand-alone tasks hold no record
        }
        requireOwner(user, task);
        FormFields declared = taskForm(task);
        Map<String, Object> current = submitted == null || submitted.isEmpty() ? Map.of()
                : asSystem(() -> engine.getTaskService().getVariables(taskId));
        List<String> problems = new ArrayList<>();
        Set<String> undeclared = new TreeSet<>();
        for (Map.Entry<String, ?> entry : submitted == null ? Map.<String, Object>of().entrySet() : submitted.entrySet()) {
            String name = entry.getKey();
            if (declared.isEditable(name)) {
                continue;
            }
            if (declared.shown().contains(name)) {
                if (!sameValue(entry.getValue(), current.get(name))) {
                    problems.add("「" + declared.labelOf(name).orElse(name) + "」是只读字段，不能修改");
                }
                continue;
            }
            undeclared.add(name);
        }
        if (!undeclared.isEmpty()) {
            problems.add(0, "表单中没有这些字段，不能提交：" + String.join("、", undeclared));
        }
        if (!problems.isEmpty()) {
            throw DoorRefusal.invalid(problems);
        }
    }

    private void requireOwner(Authentication user, Task task) {
        ProcessDefinition definition = definition(task.getProcessDefinitionId(), null);
        ProcessInstance instance = asSystem(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult());
        Set<String> owning = owners.ownerGroups(definition.getKey(),
                instance == null ? null : instance.getBusinessKey(), task.getTaskDefinitionKey());
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        if (owning.stream().noneMatch(groups::contains)) {
            throw DoorRefusal.forbidden("「" + task.getName() + "」不属于您所在的单位，不能办理");
        }
    }

    private void checkStart(Authentication user, ProcessDefinition definition, String businessKey,
            Map<String, ?> variables) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw DoorRefusal.invalid("业务编号由系统生成，发起时不能指定");
        }
        FormFields declared = startForm(definition);
        if (declared == null) {
            throw DoorRefusal.forbidden("「" + label(definition) + "」由系统发起，不能手工发起");
        }
        Set<String> undeclared = new TreeSet<>();
        if (variables != null) {
            variables.keySet().stream().filter(name -> !declared.isEditable(name)).forEach(undeclared::add);
        }
        if (!undeclared.isEmpty()) {
            throw DoorRefusal.invalid("发起表单中没有这些字段，不能提交：" + String.join("、", undeclared));
        }
    }

    private ProcessDefinition definition(String id, String key) {
        return asSystem(() -> id != null
                ? engine.getRepositoryService().getProcessDefinition(id)
                : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                        .latestVersion().singleResult());
    }

    private static String label(ProcessDefinition definition) {
        return definition.getName() != null ? definition.getName() : definition.getKey();
    }

    private DeployedForms forms() {
        if (forms == null) {
            forms = new DeployedForms(engine.getRepositoryService());
        }
        return forms;
    }

    private static boolean isAdmin(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(PlatformGroups.ADMIN);
    }

    /** A shown field comes back as the browser rendered it: numbers compare by value, blanks as nothing. */
    static boolean sameValue(Object submitted, Object current) {
        Object left = unwrap(submitted);
        Object right = unwrap(current);
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        String a = left == null ? "" : left.toString();
        String b = right == null ? "" : right.toString();
        return Objects.equals(a, b);
    }

    private static Object unwrap(Object value) {
        return value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed ? typed.getValue() : value;
    }

    /**
     * Runs an engine call of the guard's own without the user's authorizations: its reads, and an
     * assignment it has checked itself.
     */
    private <T> T asSystem(Supplier<T> call) {
        return new SystemAuthority(engine.getIdentityService()).call(call);
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(command);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
}
