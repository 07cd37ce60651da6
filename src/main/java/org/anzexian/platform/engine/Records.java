package org.anzexian.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The record a process instance is about is its business key, which our code sets when it starts the
 * instance (or when the start form's record is created) — never a variable a user could write (ADR 0007).
 */
public final class Records {

    private Records() {
    }

    /** The id of the record of the instance this step belongs to. */
    public static long idOf(VariableScope scope) {
        DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
                : scope instanceof DelegateExecution inInstance ? inInstance : null;
        String businessKey = execution == null ? null : execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isEmpty() || !businessKey.chars().allMatch(Character::isDigit)) {
            throw new IllegalStateException("the process instance has no record: business key '" + businessKey + "'");
        }
        return Long.parseLong(businessKey);
    }
}
