package org.anzexian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.List;
import org.anzexian.platform.access.Actor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * A task's deadline as its people see it (#12): the due date our code gave it, and the Tasklist filters
 * 即将到期 and 已逾期 of a member of its organization listing it as the clock nears and passes it.
 */
public final class TaskDeadlines {

    public static final String DUE_SOON = "即将到期";
    public static final String OVERDUE = "已逾期";

    private TaskDeadlines() {
    }

    /** The open task {@code taskKey} is due {@code deadline} (a configured duration or period of days) after it was created. */
    public static Task assertDueAfterCreation(ProcessEngine engine, ProcessInstance instance, String taskKey,
            TemporalAmount deadline, Actor member) {
        Task task = task(engine, instance, taskKey);
        return assertDueAt(engine, task, Date.from(task.getCreateTime().toInstant().plus(deadline)), member);
    }

    /** The open task {@code taskKey} is due at {@code due} (a deadline our code fixed, e.g. from DMN). */
    public static Task assertDueAt(ProcessEngine engine, ProcessInstance instance, String taskKey, Date due, Actor member) {
        return assertDueAt(engine, task(engine, instance, taskKey), due, member);
    }

    private static Task assertDueAt(ProcessEngine engine, Task task, Date due, Actor member) {
        assertThat(task.getDueDate()).as("due date of %s", task.getName()).isNotNull()
                .isCloseTo(due, 1000);
        Date before = ClockUtil.getCurrentTime();
        boolean moved = Math.abs(before.getTime() - System.currentTimeMillis()) > 1000;
        try {
            ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() - Duration.ofHours(1).toMillis()));
            assertThat(count(engine, member, DUE_SOON, task)).as("%s an hour before its due date in %s", task.getName(), DUE_SOON)
                    .isEqualTo(1);
            assertThat(count(engine, member, OVERDUE, task)).as("%s before its due date in %s", task.getName(), OVERDUE)
                    .isZero();
            ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
            assertThat(count(engine, member, OVERDUE, task)).as("%s past its due date in %s", task.getName(), OVERDUE)
                    .isEqualTo(1);
            assertThat(count(engine, member, DUE_SOON, task)).as("%s past its due date in %s", task.getName(), DUE_SOON)
                    .isZero();
        } finally {
            if (moved) {
                ClockUtil.setCurrentTime(before);
            } else {
                ClockUtil.reset();
            }
        }
        return task;
    }

    private static Task task(ProcessEngine engine, ProcessInstance instance, String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        assertThat(tasks).as("open %s", taskKey).hasSize(1);
        return tasks.get(0);
    }

    /** The filter as the member's Tasklist runs it, narrowed to the task. */
    private static long count(ProcessEngine engine, Actor member, String filterName, Task task) {
        engine.getIdentityService().setAuthentication(member.userId(), List.copyOf(member.groupIds()));
        try {
            Filter filter = engine.getFilterService().createTaskFilterQuery().filterName(filterName).singleResult();
            assertThat(filter).as("filter %s visible to %s", filterName, member.userId()).isNotNull();
            return engine.getFilterService().count(filter.getId(),
                    engine.getTaskService().createTaskQuery().taskId(task.getId()));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
