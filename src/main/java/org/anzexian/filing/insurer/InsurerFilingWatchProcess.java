package org.anzexian.filing.insurer;

/** Names of {@code processes/insurerFilingWatch.bpmn}: the daily expiry watch (N5.2). */
public final class InsurerFilingWatchProcess {

    public static final String KEY = "insurerFilingWatch";
    public static final String RESOURCE = "processes/insurerFilingWatch.bpmn";

    public static final String START_EVENT = "TimerStartEvent_WatchDue";
    public static final String TASK_WATCH = "ServiceTask_WatchExpiries";

    private InsurerFilingWatchProcess() {
    }
}
