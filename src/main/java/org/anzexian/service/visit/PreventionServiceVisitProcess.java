package org.anzexian.service.visit;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process {@code preventionServiceVisit} that Java and the BPMN share (one place, no typos). */
public final class PreventionServiceVisitProcess {

    public static final String KEY = "preventionServiceVisit";
    public static final String RESOURCE = "processes/preventionServiceVisit.bpmn";
    public static final String DECISION_KEY = "visitFrequency";
    public static final String DECISION_RESOURCE = "processes/visitFrequency.dmn";

    /** The start message {@link VisitService} correlates for a scheduled or requested visit; business key = visit id. */
    public static final String MESSAGE_VISIT_DUE = "VisitDue";

    public static final String START_VISIT_DUE = "StartEvent_VisitDue";
    public static final String START_VISIT_REQUESTED = "StartEvent_VisitRequested";
    public static final String TASK_ACCEPT_REQUEST = "ServiceTask_AcceptRequest";
    public static final String TASK_RECORD_VISIT = "UserTask_RecordVisit";
    public static final String TIMER_VISIT_REMINDER = "Timer_VisitReminder";
    public static final String TASK_REMIND_VISIT = "ServiceTask_RemindVisit";
    public static final String TIMER_VISIT_MISSED = "Timer_VisitMissed";
    public static final String TASK_MARK_VISIT_MISSED = "ServiceTask_MarkVisitMissed";
    public static final String GATEWAY_SITE_REFUSED = "Gateway_SiteRefused";
    public static final String TASK_REPORT_REFUSAL = "ServiceTask_ReportRefusal";
    public static final String TASK_UPLOAD_REPORT = "UserTask_UploadReport";
    public static final String TIMER_REPORT_LATE = "Timer_ReportLate";
    public static final String TASK_FLAG_REPORT_LATE = "ServiceTask_FlagReportLate";
    public static final String TASK_DISTRIBUTE_REPORT = "ServiceTask_DistributeReport";
    public static final String TIMER_NEXT_VISIT_DUE = "Timer_NextVisitDue";
    public static final String TASK_SCHEDULE_NEXT_VISIT = "ServiceTask_ScheduleNextVisit";
    public static final String END_REPORTED = "EndEvent_Reported";
    public static final String END_REFUSED = "EndEvent_Refused";

    /**
     * Not a variable of the process: the visit is the business key (ADR 0007). The name an attacker would
     * send to point a step at another visit.
     */
    public static final String VAR_VISIT_ID = "visitId";
    /**
     * Long, for display only: the embedded visit forms fetch it to load {@code GET /api/visits/{id}/context}.
     * No step reads it — the visit of a step is the business key (ADR 0007).
     */
    public static final String VAR_VISIT_REF = "visitRef";
    /** String: candidate group of the visit tasks, {@code serviceOrg<orgId>}. */
    public static final String VAR_SERVICE_ORG_GROUP = "serviceOrgGroup";
    /** Boolean: a scheduled visit, which schedules the next one when it falls due. */
    public static final String VAR_REGULAR = "regular";
    /** Date: when the visit falls due, the reminder before it, and due + grace (missed). */
    public static final String VAR_DUE_AT = "dueAt";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_MISSED_AT = "missedAt";
    /** String {@link VisitOutcome}: what the visit record says happened. */
    public static final String VAR_OUTCOME = "outcome";
    /** Date: the report is late after this (N8.8), fixed when the visit is recorded. */
    public static final String VAR_REPORT_DUE_AT = "reportDueAt";

    /** String ≤ 120 chars for the task list: county · project code and name · which visit (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    /**
     * Start form {@code forms/visitRequestStart.html}: the policy (by its number, picked from
     * {@code GET /api/visits/requestable-policies}) and the reason of an extra visit. {@code policyId} is
     * the field of {@code POST /api/visits/requests}.
     */
    public static final String VAR_POLICY_NUMBER = "policyNumber";
    public static final String VAR_POLICY_ID = "policyId";
    public static final String VAR_REQUEST_REASON = "requestReason";

    /** The variables a visit's instance starts with: who works its tasks and when its timers fire. */
    public static Map<String, Object> variables(VisitDue due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_VISIT_REF, due.visitId());
        variables.put(VAR_SERVICE_ORG_GROUP, due.serviceOrgGroup());
        variables.put(VAR_REGULAR, due.regular());
        variables.put(VAR_DUE_AT, date(due.dueAt()));
        variables.put(VAR_REMINDER_AT, date(due.reminderAt()));
        variables.put(VAR_MISSED_AT, date(due.missedAt()));
        variables.put(VAR_CASE_SUMMARY, due.caseSummary());
        return variables;
    }

    /**
     * The variables {@code UserTask_RecordVisit} completes with, on either door: the outcome, which routes
     * the process, and when the report falls late (a visit only).
     */
    public static Map<String, Object> variables(VisitRecorded recorded) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_OUTCOME, recorded.outcome().name());
        if (recorded.reportDueAt() != null) {
            variables.put(VAR_REPORT_DUE_AT, date(recorded.reportDueAt()));
        }
        return variables;
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }

    /** The business key (ADR 0007). */
    public static long visitId(VariableScope scope) {
        return Records.idOf(scope);
    }

    private PreventionServiceVisitProcess() {
    }
}
