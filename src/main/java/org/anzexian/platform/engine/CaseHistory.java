package org.anzexian.platform.engine;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's side of a case page and of 我的事项 (#14): a record's process instances, their open tasks
 * and who holds them, and their history (started, each user task completed and by whom, timers fired,
 * escalations, ended). Read as the system, because an organization may not read another's instances with
 * its own engine authorizations: <b>the caller checks first that the user may see the record</b> (the
 * record's module service), and passes only that record's process key and id.
 */
@Component
public class CaseHistory {

    /** A process instance of a record; {@code state} is the engine's (ACTIVE, COMPLETED, EXTERNALLY_TERMINATED …). */
    public record Instance(String id, String processKey, String processName, String businessKey, String startedBy,
            OffsetDateTime startedAt, OffsetDateTime endedAt, String state) {

        public boolean active() {
            return endedAt == null;
        }

        /** The record's id (the business key our code set), if it is one. */
        public Optional<Long> recordId() {
            return businessKey != null && !businessKey.isEmpty() && businessKey.chars().allMatch(Character::isDigit)
                    ? Optional.of(Long.parseLong(businessKey)) : Optional.empty();
        }
    }

    /** An open user task: who holds it is its assignee, or else its candidate groups. */
    public record OpenTask(String id, String name, String processInstanceId, String processKey, String assignee,
            List<String> candidateGroups, OffsetDateTime createdAt, OffsetDateTime dueAt) {
    }

    /** What happened in an instance, for a timeline. {@code who} is a user id, or null for the system. */
    public record Step(OffsetDateTime at, StepKind kind, String name, String who, String processName,
            String processInstanceId) {
    }

    public enum StepKind { STARTED, TASK_COMPLETED, TASK_CANCELED, TIMER, ESCALATION, ENDED }

    /** A user task the user completed. */
    public record Completed(String taskId, String taskName, String processInstanceId, String processKey,
            String businessKey, OffsetDateTime completedAt) {
    }

    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;
    private final SystemAuthority system;
    private final TaskCompletionRepository completions;

    CaseHistory(HistoryService history, TaskService tasks, IdentityService identity, SystemAuthority system,
            TaskCompletionRepository completions) {
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
        this.system = system;
        this.completions = completions;
    }

    /** The instances of {@code processKey} whose record is one of {@code recordIds}, oldest first. */
    public List<Instance> instances(String processKey, Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        String[] keys = recordIds.stream().map(String::valueOf).distinct().toArray(String[]::new);
        return system.call(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKeyIn(keys).orderByProcessInstanceStartTime().asc().list().stream()
                .map(CaseHistory::instance).toList());
    }

    public Optional<Instance> instance(String processInstanceId) {
        return system.call(() -> Optional.ofNullable(history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult()).map(CaseHistory::instance));
    }

    /** A variable our code set in the instance (e.g. the ids a service task created), as text; empty if none. */
    public Optional<String> variable(String processInstanceId, String name) {
        return system.call(() -> history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).list().stream().map(variable -> variable.getValue())
                .filter(value -> value != null).map(String::valueOf).findFirst());
    }

    /** The instances the user started (a Tasklist start form), newest first. */
    public List<Instance> startedBy(String userId, int limit) {
        return system.call(() -> history.createHistoricProcessInstanceQuery().startedBy(userId)
                .orderByProcessInstanceStartTime().desc().listPage(0, limit).stream().map(CaseHistory::instance).toList());
    }

    /** The open user tasks of these instances, oldest first. */
    public List<OpenTask> openTasks(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return system.call(() -> tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .orderByTaskCreateTime().asc().list().stream().map(this::openTask).toList());
    }

    /** The open tasks assigned to the user (claimed in the Tasklist), oldest first. */
    public List<OpenTask> heldBy(String userId) {
        return system.call(() -> tasks.createTaskQuery().taskAssignee(userId).orderByTaskCreateTime().asc().list()
                .stream().filter(task -> task.getProcessInstanceId() != null).map(this::openTask).toList());
    }

    /** The user tasks the user completed, newest first. */
    public List<Completed> completedBy(String userId, int limit) {
        return completions.completedBy(userId, limit).stream()
                .map(row -> new Completed(row.taskId(), row.taskName(), row.processInstanceId(), row.processKey(),
                        row.businessKey(), row.completedAt()))
                .toList();
    }

    /** What happened in these instances, in time order. */
    public List<Step> steps(Collection<Instance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        return system.call(() -> {
            List<Step> steps = new ArrayList<>();
            for (Instance instance : instances) {
                steps.add(new Step(instance.startedAt(), StepKind.STARTED, instance.processName(), instance.startedBy(),
                        instance.processName(), instance.id()));
                List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.id()).orderByHistoricActivityInstanceStartTime().asc()
                        .orderPartiallyByOccurrence().asc().list();
                Map<String, String> completers = completions.completers(activities.stream()
                        .filter(activity -> activity.getTaskId() != null).map(HistoricActivityInstance::getTaskId).toList());
                for (HistoricActivityInstance activity : activities) {
                    step(instance, activity, completers).ifPresent(steps::add);
                }
                if (instance.endedAt() != null) {
                    steps.add(new Step(instance.endedAt(), StepKind.ENDED, instance.state(), null, instance.processName(),
                            instance.id()));
                }
            }
            steps.sort(Comparator.comparing(Step::at, Comparator.nullsLast(Comparator.naturalOrder())));
            return steps;
        });
    }

    private static Optional<Step> step(Instance instance, HistoricActivityInstance activity, Map<String, String> completers) {
        String type = activity.getActivityType() == null ? "" : activity.getActivityType();
        String name = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
        if ("userTask".equals(type)) {
            if (activity.getEndTime() == null) {
                return Optional.empty();
            }
            StepKind kind = activity.isCanceled() ? StepKind.TASK_CANCELED : StepKind.TASK_COMPLETED;
            String who = kind == StepKind.TASK_CANCELED ? null
                    : completers.getOrDefault(activity.getTaskId(), activity.getAssignee());
            return Optional.of(new Step(at(activity.getEndTime()), kind, name, who, instance.processName(), instance.id()));
        }
        if (type.contains("Timer") || type.contains("timer")) {
            return Optional.of(new Step(at(activity.getStartTime()), StepKind.TIMER, name, null, instance.processName(),
                    instance.id()));
        }
        if (type.contains("scalation") || "serviceTask".equals(type) && activity.getActivityId().contains("Escalat")) {
            return Optional.of(new Step(at(activity.getStartTime()), StepKind.ESCALATION, name, null,
                    instance.processName(), instance.id()));
        }
        return Optional.empty();
    }

    /** The Chinese name of a Camunda group (an organization's, a bureau's), or the id if there is none. */
    public String groupName(String groupId) {
        Group group = system.call(() -> identity.createGroupQuery().groupId(groupId).singleResult());
        return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
    }

    /** {@code 姓名（login）}, or the login if the user has no name (or does not exist). */
    public String userName(String userId) {
        if (userId == null) {
            return null;
        }
        User user = system.call(() -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
    }

    private OpenTask openTask(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().toList();
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        return new OpenTask(task.getId(), task.getName(), task.getProcessInstanceId(), processKey, task.getAssignee(),
                groups, at(task.getCreateTime()), at(task.getDueDate()));
    }

    private static Instance instance(HistoricProcessInstance instance) {
        return new Instance(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                        : instance.getProcessDefinitionName(),
                instance.getBusinessKey(), instance.getStartUserId(), at(instance.getStartTime()),
                at(instance.getEndTime()), instance.getState());
    }

    private static OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
