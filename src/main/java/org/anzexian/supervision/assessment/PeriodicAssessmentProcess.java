package org.anzexian.supervision.assessment;

/** Names of {@code processes/periodicAssessment.bpmn}: the periodic assessment and ranking (N9.2). */
public final class PeriodicAssessmentProcess {

    public static final String KEY = "periodicAssessment";
    public static final String RESOURCE = "processes/periodicAssessment.bpmn";

    public static final String START_EVENT = "TimerStartEvent_PeriodEnded";
    public static final String TASK_ASSESS = "ServiceTask_AssessPeriod";
    public static final String TASK_PUBLISH = "ServiceTask_PublishRanking";
    public static final String TASK_DECIDE_MEASURES = "UserTask_DecideMeasures";
    public static final String TASK_APPLY_MEASURES = "ServiceTask_ApplyMeasures";

    /** The period [periodStart, periodEnd) as ISO dates. */
    public static final String VAR_PERIOD_START = "periodStart";
    public static final String VAR_PERIOD_END = "periodEnd";
    /** Ids of the organizations at the bottom for the configured periods in a row; one decision task each. */
    public static final String VAR_BOTTOM_ORGANIZATIONS = "bottomOrganizations";
    /** Whether any organization is at the bottom: the condition of {@code Gateway_BottomRanked}. */
    public static final String VAR_ANY_AT_BOTTOM = "anyAtBottom";
    /** The element variable of the decision task: one organization id. */
    public static final String VAR_ORGANIZATION_ID = "organizationId";
    /** The city bureau's decision: a {@link BottomMeasure} name, and its reasons. */
    public static final String VAR_MEASURE = "measure";
    public static final String VAR_MEASURE_REASON = "measureReason";
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    private PeriodicAssessmentProcess() {
    }
}
