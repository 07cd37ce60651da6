package org.anzexian.platform;

/**
 * Names of the test-only model {@value #RESOURCE}: a task for a group named by a variable, with a due
 * date, a Camunda Form and a non-interrupting reminder. {@code ProcessModelTest} checks every id here
 * against the model.
 */
public final class PlatformProbeModel {

    public static final String KEY = "platformProbe";
    public static final String RESOURCE = "platform/platformProbe.bpmn";
    public static final String FORM_RESOURCE = "platform/platformProbeForm.form";

    public static final String EVENT_STARTED = "Event_Started";
    public static final String USER_TASK_HANDLE = "UserTask_Handle";
    public static final String TIMER_REMINDER = "Timer_Reminder";
    public static final String EVENT_REMINDED = "Event_Reminded";
    public static final String EVENT_HANDLED = "Event_Handled";

    /** Label of {@link #USER_TASK_HANDLE} as the Tasklist shows it. */
    public static final String USER_TASK_HANDLE_NAME = "办理探针任务";
    /** The task's userDescription property, what the Tasklist shows as its description. */
    public static final String USER_TASK_HANDLE_DESCRIPTION = "请在期限内办理探针任务。";

    /** Group id that becomes the task's candidate group. */
    public static final String VAR_OWNER_GROUP = "ownerGroup";
    /** {@code java.util.Date} the task is due. */
    public static final String VAR_DUE_DATE = "dueDate";
    /** ISO-8601 duration after which the reminder fires, e.g. {@code P1D}. */
    public static final String VAR_REMINDER_AFTER = "reminderAfter";

    private PlatformProbeModel() {
    }
}
