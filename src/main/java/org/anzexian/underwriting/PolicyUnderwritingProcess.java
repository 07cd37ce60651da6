package org.anzexian.underwriting;

import java.util.List;

/**
 * Names of {@code processes/policyUnderwriting.bpmn} shared by Java and the model. One instance runs
 * per quotation, i.e. per (quotation request, insurer), with the quotation id as business key: each
 * insurer's letter, reminders and decline are its own, and accepting one quotation lapses the others
 * of the project through {@link #MESSAGE_QUOTATION_LAPSED}.
 */
public final class PolicyUnderwritingProcess {

    public static final String KEY = "policyUnderwriting";
    public static final String RESOURCE = "processes/policyUnderwriting.bpmn";

    public static final String START_EVENT = "StartEvent_QuotationRequested";
    public static final String TASK_ISSUE_QUOTATION = "UserTask_IssueQuotation";
    public static final String TIMER_QUOTATION_REMINDER = "Timer_QuotationReminder";
    public static final String TASK_REMIND_INSURER = "ServiceTask_RemindInsurer";
    public static final String TIMER_QUOTATION_ESCALATION = "Timer_QuotationEscalation";
    public static final String TASK_ESCALATE_QUOTATION = "ServiceTask_EscalateQuotation";
    public static final String GATEWAY_QUOTATION_DECISION = "Gateway_QuotationDecision";
    public static final String TASK_REPORT_DECLINE = "ServiceTask_ReportDecline";
    public static final String END_DECLINED = "EndEvent_Declined";
    public static final String TASK_APPLY = "UserTask_Apply";
    public static final String SUBPROCESS_QUOTATION_LAPSED = "SubProcess_QuotationLapsed";
    public static final String START_QUOTATION_LAPSED = "StartEvent_QuotationLapsed";
    public static final String END_LAPSED = "EndEvent_Lapsed";
    public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    public static final String TASK_REVIEW_APPLICATION = "UserTask_ReviewApplication";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String TASK_CONFIRM_PREMIUM = "UserTask_ConfirmPremium";
    public static final String TASK_ISSUE_POLICY = "ServiceTask_IssuePolicy";
    public static final String TASK_REPORT_POLICY = "ServiceTask_ReportPolicy";
    public static final String TASK_START_SERVICE_TEAM_REGISTRATION = "ServiceTask_StartServiceTeamRegistration";
    public static final String END_POLICY_ISSUED = "EndEvent_PolicyIssued";

    /** Correlated to the other quotations of a project when one of them is accepted. */
    public static final String MESSAGE_QUOTATION_LAPSED = "QuotationLapsed";
    /**
     * The start message of {@code serviceTeamRegistration}: business key = policy id (as a string),
     * variables {@code policyId} (Long), {@code projectId} (Long), {@code insurerOrgId} (Long),
     * {@code policyIssuedAt} (java.util.Date).
     */
    public static final String MESSAGE_POLICY_ISSUED = "PolicyIssued";

    public static final String VAR_QUOTATION_ID = "quotationId";
    public static final String VAR_PROJECT_ID = "projectId";
    public static final String VAR_INSURER_ORG_ID = "insurerOrgId";
    public static final String VAR_INSURER_GROUP = "insurerGroup";
    public static final String VAR_BUILDER_GROUP = "builderGroup";
    public static final String VAR_POLICY_ID = "policyId";
    public static final String VAR_POLICY_ISSUED_AT = "policyIssuedAt";
    /** Written at start: county · project · insurer · contract amount, for the task lists (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    /** The letter task's form: {@code quotationDecision} = {@link #ISSUE} or {@link #DECLINE}. */
    public static final String VAR_QUOTATION_DECISION = "quotationDecision";
    public static final String VAR_DECLINE_REASON = "declineReason";
    public static final String VAR_INSURANCE_PLAN = "insurancePlan";
    public static final String VAR_PREMIUM_RATE = "premiumRate";
    /** {@code permille} (‰, the default) or {@code percent}. */
    public static final String VAR_PREMIUM_RATE_UNIT = "premiumRateUnit";
    public static final String VAR_DEATH_DISABILITY_LIMIT = "deathDisabilityLimit";
    public static final String VAR_TOTAL_LIMIT = "totalLimit";
    public static final String VAR_PREVENTION_PLAN = "preventionPlan";
    public static final String VAR_PREVENTION_FEE_PERCENT = "preventionFeePercent";
    /** Set by the letter task: the computed premium, for the following forms. */
    public static final String VAR_PREMIUM = "premium";

    /** The application task's form: {@code applicationDecision} = {@link #APPLY} or {@link #NOT_ACCEPT}. */
    public static final String VAR_APPLICATION_DECISION = "applicationDecision";
    /**
     * The application's files (embedded form {@code forms/policyApplication.html}, #12): each a
     * {@code File} variable that the complete listener moves into the file store
     * ({@code FormUploads}); the quotation keeps their SHA-256.
     */
    public static final String VAR_CONTRACT = "constructionContract";
    public static final String VAR_BID_AWARD = "bidAwardNotice";
    public static final String VAR_APPLICATION_FORM = "applicationForm";
    public static final String VAR_ENTERPRISE_DOCUMENT_1 = "enterpriseDocument1";
    /** Enterprise documents (business licence, safety production licence, safety lead …): 1 required, up to 4. */
    public static final List<String> VAR_ENTERPRISE_DOCUMENTS =
            List.of(VAR_ENTERPRISE_DOCUMENT_1, "enterpriseDocument2", "enterpriseDocument3", "enterpriseDocument4");

    /** The review task's form: {@link #ACCEPT}, {@link #CORRECTIONS} or {@link #DECLINE}. */
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_REASON = "reviewReason";

    /** The premium task's form. */
    public static final String VAR_PREMIUM_RECEIVED = "premiumReceived";
    public static final String VAR_PAID_IN_ONE_PAYMENT = "paidInOnePayment";

    public static final String ISSUE = "issue";
    public static final String DECLINE = "decline";
    public static final String APPLY = "apply";
    public static final String NOT_ACCEPT = "notAccept";
    public static final String ACCEPT = "accept";
    public static final String CORRECTIONS = "corrections";

    private PolicyUnderwritingProcess() {
    }
}
