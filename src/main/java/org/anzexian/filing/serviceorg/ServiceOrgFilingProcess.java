package org.anzexian.filing.serviceorg;

import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process {@code serviceOrgFiling} that Java and the BPMN share (one place, no typos). */
public final class ServiceOrgFilingProcess {

    public static final String KEY = "serviceOrgFiling";
    public static final String RESOURCE = "processes/serviceOrgFiling.bpmn";
    public static final String DECISION_KEY = "serviceOrgEligibility";
    public static final String DECISION_RESOURCE = "processes/serviceOrgEligibility.dmn";

    public static final String START_EVENT = "StartEvent_FilingSubmitted";
    public static final String TASK_REGISTER_FILING = "ServiceTask_RegisterFiling";
    public static final String TASK_RUN_CHECKS = "ServiceTask_RunChecks";
    public static final String GATEWAY_CHECKS_PASSED = "Gateway_ChecksPassed";
    public static final String TASK_CORRECT_FILING = "UserTask_CorrectFiling";
    public static final String TIMER_CORRECTION_DEADLINE = "Timer_CorrectionDeadline";
    public static final String TASK_REVIEW_FILING = "UserTask_ReviewFiling";
    public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
    public static final String TASK_REMIND_REVIEWER = "ServiceTask_RemindReviewer";
    public static final String TASK_APPROVE_FILING = "ServiceTask_ApproveFiling";
    public static final String TASK_REJECT_FILING = "ServiceTask_RejectFiling";
    public static final String TASK_REQUEST_MORE_INFO = "ServiceTask_RequestMoreInfo";
    public static final String TASK_WITHDRAW_FILING = "ServiceTask_WithdrawFiling";
    public static final String TASK_LAPSE_FILING = "ServiceTask_LapseFiling";
    public static final String END_FILED = "EndEvent_Filed";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_LAPSED = "EndEvent_Lapsed";

    /** Long: the filing's id (also the business key). */
    public static final String VAR_FILING_ID = "filingId";
    /** The line the task lists show for the case: organization · kind (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    /** String: the Camunda group of the organization, candidate group of the correction task. */
    public static final String VAR_ORGANIZATION_GROUP = "organizationGroup";
    public static final String VAR_CHECKS_PASSED = "checksPassed";
    /** String: the failed checks' reasons (or the bureau's request), shown in the correction form. */
    public static final String VAR_CHECK_SUMMARY = "checkSummary";
    /** String, {@link CorrectionAction}: set when the correction task completes. */
    public static final String VAR_CORRECTION_ACTION = "correctionAction";
    /** String, a {@link org.anzexian.filing.ReviewDecision#formValue()}: set when the review task completes. */
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_REASON = "reviewReason";
    /** String: who started the filing from the Tasklist ({@code camunda:initiator}). */
    public static final String VAR_INITIATOR = "initiator";

    /** What the organization does with a filing in correction. */
    public enum CorrectionAction {
        RESUBMIT, WITHDRAW
    }

    /** The filing id of an execution or task; a number of any width, as a form may resubmit it. */
    /** The business key (ADR 0007). */
    public static long filingId(VariableScope scope) {
        return Records.idOf(scope);
    }

    private ServiceOrgFilingProcess() {
    }
}
