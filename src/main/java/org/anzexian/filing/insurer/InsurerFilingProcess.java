package org.anzexian.filing.insurer;

/** Names of {@code processes/insurerFiling.bpmn} shared by Java and the model. */
public final class InsurerFilingProcess {

    public static final String KEY = "insurerFiling";
    public static final String RESOURCE = "processes/insurerFiling.bpmn";

    public static final String START_EVENT = "StartEvent_FilingSubmitted";
    public static final String TASK_RUN_CHECKS = "ServiceTask_RunChecks";
    public static final String GATEWAY_CHECKS_PASSED = "Gateway_ChecksPassed";
    public static final String TASK_CORRECT_FILING = "UserTask_CorrectFiling";
    public static final String TIMER_CORRECTION_DEADLINE = "Timer_CorrectionDeadline";
    public static final String TASK_REVIEW_FILING = "UserTask_ReviewFiling";
    public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
    public static final String TASK_REMIND_REVIEWER = "ServiceTask_RemindReviewer";
    public static final String TASK_APPROVE_FILING = "ServiceTask_ApproveFiling";
    public static final String TASK_REJECT_FILING = "ServiceTask_RejectFiling";
    public static final String TASK_WITHDRAW_FILING = "ServiceTask_WithdrawFiling";
    public static final String TASK_LAPSE_FILING = "ServiceTask_LapseFiling";
    public static final String END_FILED = "EndEvent_Filed";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_LAPSED = "EndEvent_Lapsed";

    public static final String VAR_FILING_ID = "filingId";
    public static final String VAR_INSURER_ORG_ID = "insurerOrgId";
    public static final String VAR_INSURER_GROUP = "insurerGroup";
    public static final String VAR_CHECKS_PASSED = "checksPassed";
    public static final String VAR_CORRECTION_REASONS = "correctionReasons";
    public static final String VAR_CORRECTION_DECISION = "correctionDecision";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_REASON = "reviewReason";
    /** The line the task lists show for the case: organization · kind of filing (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    /** Values of {@link #VAR_CORRECTION_DECISION}. */
    public static final String RESUBMIT = "resubmit";
    public static final String ABANDON = "abandon";

    private InsurerFilingProcess() {
    }
}
