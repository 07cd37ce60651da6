package org.anzexian.claim;

import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process {@code claimHandling} that Java and the BPMN share (one place, no typos). Business key = claim id. */
public final class ClaimHandlingProcess {

    public static final String KEY = "claimHandling";
    public static final String RESOURCE = "processes/claimHandling.bpmn";
    public static final String DECISION_KEY = "claimServiceLevels";
    public static final String DECISION_RESOURCE = "processes/claimServiceLevels.dmn";

    public static final String START_EVENT = "StartEvent_AccidentReported";
    public static final String TASK_RECORD_REPORT = "ServiceTask_RecordReport";
    public static final String TASK_ANNOUNCE_REPORT = "ServiceTask_AnnounceReport";
    public static final String TASK_ACKNOWLEDGE = "UserTask_Acknowledge";
    public static final String TIMER_ACKNOWLEDGEMENT_OVERDUE = "Timer_AcknowledgementOverdue";
    public static final String TASK_ESCALATE_ACKNOWLEDGEMENT = "ServiceTask_EscalateAcknowledgement";
    public static final String TASK_SEND_ACKNOWLEDGEMENT = "ServiceTask_SendAcknowledgement";
    public static final String TASK_SURVEY = "UserTask_Survey";
    public static final String TASK_PROVIDE_DOCUMENTS = "UserTask_ProvideDocuments";
    public static final String TIMER_DOCUMENTS_REMINDER = "Timer_DocumentsReminder";
    public static final String TASK_REMIND_DOCUMENTS = "ServiceTask_RemindDocuments";
    public static final String TASK_REVIEW_DOCUMENTS = "UserTask_ReviewDocuments";
    public static final String GATEWAY_DOCUMENTS_COMPLETE = "Gateway_DocumentsComplete";
    public static final String TASK_REQUEST_MORE_DOCUMENTS = "ServiceTask_RequestMoreDocuments";
    public static final String TASK_DECIDE = "UserTask_Decide";
    public static final String TIMER_DECISION_REMINDER = "Timer_DecisionReminder";
    public static final String TASK_REMIND_DECISION = "ServiceTask_RemindDecision";
    public static final String TIMER_DECISION_OVERDUE = "Timer_DecisionOverdue";
    public static final String TASK_ESCALATE_DECISION = "ServiceTask_EscalateDecision";
    public static final String TASK_ANNOUNCE_DECISION = "ServiceTask_AnnounceDecision";
    public static final String GATEWAY_COVERED = "Gateway_Covered";
    public static final String END_DECLINED = "EndEvent_ClaimDeclined";
    public static final String TASK_RECORD_PAYMENT = "UserTask_RecordPayment";
    public static final String TIMER_PAYMENT_REMINDER = "Timer_PaymentReminder";
    public static final String TASK_REMIND_PAYMENT = "ServiceTask_RemindPayment";
    public static final String TIMER_PAYMENT_OVERDUE = "Timer_PaymentOverdue";
    public static final String TASK_ESCALATE_PAYMENT = "ServiceTask_EscalatePayment";
    public static final String TASK_ANNOUNCE_PAYMENT = "ServiceTask_AnnouncePayment";
    public static final String TASK_WRITE_RECOMMENDATIONS = "UserTask_WriteRecommendations";
    public static final String TASK_DELIVER_RECOMMENDATIONS = "ServiceTask_DeliverRecommendations";
    public static final String END_SETTLED = "EndEvent_ClaimSettled";

    public static final String VAR_CLAIM_ID = "claimId";
    /** String: candidate groups of the insurer's and the construction unit's tasks. */
    public static final String VAR_INSURER_GROUP = "insurerGroup";
    public static final String VAR_BUILDER_GROUP = "builderGroup";
    /** Date: timer dates fixed from DMN {@code claimServiceLevels} and {@code anzexian.claim.*}. */
    public static final String VAR_ACKNOWLEDGEMENT_DUE_AT = "acknowledgementDueAt";
    public static final String VAR_DECISION_REMINDER_AT = "decisionReminderAt";
    public static final String VAR_DECISION_DUE_AT = "decisionDueAt";
    public static final String VAR_PAYMENT_REMINDER_AT = "paymentReminderAt";
    public static final String VAR_PAYMENT_DUE_AT = "paymentDueAt";
    /** Date: due dates of the tasks without a timer, from {@code anzexian.claim.*} (#12). */
    public static final String VAR_SURVEY_DUE_AT = "surveyDueAt";
    public static final String VAR_DOCUMENTS_DUE_AT = "documentsDueAt";
    public static final String VAR_DOCUMENTS_REVIEW_DUE_AT = "documentsReviewDueAt";
    public static final String VAR_RECOMMENDATIONS_DUE_AT = "recommendationsDueAt";
    /** String: project · accident day · casualties (· amount), the line of the task lists (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    /** String: ISO-8601 repeating interval of the reminders to provide documents. */
    public static final String VAR_DOCUMENTS_REMINDER_CYCLE = "documentsReminderCycle";
    /** Boolean routing facts set when the insurer completes its task. */
    public static final String VAR_DOCUMENTS_COMPLETE = ClaimForms.DOCUMENTS_COMPLETE;
    public static final String VAR_COVERED = ClaimForms.COVERED;
    public static final String VAR_RAISE_HAZARDS = ClaimForms.RAISE_HAZARDS;

    /** The business key (ADR 0007). */
    public static long claimId(VariableScope scope) {
        return Records.idOf(scope);
    }

    private ClaimHandlingProcess() {
    }
}
