package org.anzexian.hazard;

import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process {@code hazardRectification} that Java and the BPMN share (one place, no typos). */
public final class HazardRectificationProcess {

    public static final String KEY = "hazardRectification";
    public static final String RESOURCE = "processes/hazardRectification.bpmn";
    public static final String DECISION_KEY = "hazardDeadline";
    public static final String DECISION_RESOURCE = "processes/hazardDeadline.dmn";

    /** The start message {@link HazardService#raise} correlates; business key = the hazard id. */
    public static final String MESSAGE_HAZARD_RAISED = "HazardRaised";
    public static final String START_EVENT = "StartEvent_HazardRaised";

    public static final String TASK_OPEN_RECTIFICATION = "ServiceTask_OpenRectification";
    public static final String TASK_REPORT_MAJOR_HAZARD = "ServiceTask_ReportMajorHazard";
    public static final String TASK_RECTIFY = "UserTask_Rectify";
    public static final String TIMER_REMINDER = "Timer_RectificationReminder";
    public static final String TASK_REMIND_BUILDER = "ServiceTask_RemindBuilder";
    public static final String TIMER_OVERDUE = "Timer_RectificationOverdue";
    public static final String TASK_ESCALATE_TO_COUNTY = "ServiceTask_EscalateToCounty";
    public static final String TASK_COUNTY_SUPERVISION = "UserTask_CountySupervision";
    public static final String TIMER_CITY_ESCALATION = "Timer_CityEscalation";
    public static final String TIMER_VERIFICATION_OVERDUE = "Timer_VerificationOverdue";
    public static final String TASK_CHASE_VERIFICATION = "ServiceTask_ChaseVerification";
    public static final String TASK_ESCALATE_TO_CITY = "ServiceTask_EscalateToCity";
    public static final String TASK_CITY_SUPERVISION = "UserTask_CitySupervision";
    public static final String TASK_VERIFY = "UserTask_VerifyRectification";
    public static final String TASK_OPEN_NEXT_ROUND = "ServiceTask_OpenNextRound";
    public static final String TASK_ANNOUNCE_CLOSED = "ServiceTask_AnnounceClosed";
    public static final String END_HAZARD_CLOSED = "EndEvent_HazardClosed";

    /**
     * Long, for display only: the embedded form {@code forms/hazardRectification.html} fetches it to show the
     * hazard. No step reads it — the hazard of a step is the business key (ADR 0007).
     */
    public static final String VAR_HAZARD_ID = "hazardId";
    /** Start variable, String ≤ 120 chars for the task list: county · project · severity · location (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    /** Start variable, String {@link HazardSeverity}: a major hazard is reported at once. */
    public static final String VAR_SEVERITY = "severity";

    /** Integer: the rectification round (1, 2 … a rejected rectification opens the next). */
    public static final String VAR_ROUND = "round";
    /** String: candidate groups of the construction unit, the verifying service organization, the county authority. */
    public static final String VAR_BUILDER_GROUP = "builderGroup";
    public static final String VAR_VERIFIER_GROUP = "verifierGroup";
    public static final String VAR_COUNTY_GROUP = "countyGroup";
    /** Date: when the timers of the current round fire, from DMN {@code hazardDeadline}. */
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_DEADLINE_AT = "deadlineAt";
    public static final String VAR_CITY_ESCALATION_AT = "cityEscalationAt";
    /** String, ISO-8601 duration from DMN {@code hazardDeadline}: how long the evidence may wait for verification. */
    public static final String VAR_VERIFICATION_WITHIN = "verificationWithin";

    /** String, ISO-8601 duration from {@code anzexian.hazard.city-supervision-within}: the city supervision's due date. */
    public static final String VAR_CITY_SUPERVISION_WITHIN = "citySupervisionWithin";

    /** Fields of the embedded form {@code forms/hazardRectification.html}. */
    public static final String VAR_EVIDENCE_DESCRIPTION = "evidenceDescription";
    public static final String VAR_EVIDENCE_PHOTO_PREFIX = "evidencePhoto";
    public static final int EVIDENCE_PHOTO_FIELDS = 3;

    /** Fields of the embedded form {@code forms/hazardVerification.html}: "accept" or "reject", and the reason of a rejection. */
    public static final String VAR_VERDICT = "verdict";
    public static final String VAR_VERDICT_REASON = "verdictReason";
    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";

    /** Field of the supervision forms. */
    public static final String VAR_SUPERVISION_NOTE = "supervisionNote";

    /** The business key (ADR 0007). */
    public static long hazardId(VariableScope scope) {
        return Records.idOf(scope);
    }

    private HazardRectificationProcess() {
    }
}
