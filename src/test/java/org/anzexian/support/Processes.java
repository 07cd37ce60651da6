package org.anzexian.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What flow tests do with the engine besides running jobs ({@link DueJobs}) and reading mail
 * ({@link ReceivedMails}): move the business clock, find a record's instance, complete a task as a user.
 */
public final class Processes {

    private Processes() {
    }

    /** Sets the engine's clock, which is the business clock, to {@code from + by}. */
    public static void moveClock(Date from, Duration by) {
        ClockUtil.setCurrentTime(Date.from(from.toInstant().plus(by)));
    }

    /** Moves the engine's clock on from where it stands. */
    public static void moveClock(Duration by) {
        moveClock(ClockUtil.getCurrentTime(), by);
    }

    /** The instance of {@code processKey} for a record: its business key is the record's id. */
    public static ProcessInstance instance(ProcessEngine engine, String processKey, long recordId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(recordId), processKey).singleResult();
    }

    /** Completes a task as a logged-in user of those groups would (through the door guard). */
    public static void completeAs(ProcessEngine engine, String taskId, String userId, Collection<String> groups,
            Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(userId, List.copyOf(groups));
        try {
            engine.getTaskService().complete(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
