package org.anzexian.underwriting;

/**
 * Names of {@code processes/policyEndorsement.bpmn} shared by Java and the model. One instance runs
 * per endorsement (business key = endorsement id): the insurer confirms the additional premium
 * received in full (N4.3), then the endorsement is issued onto the policy and the builder told.
 */
public final class PolicyEndorsementProcess {

    public static final String KEY = "policyEndorsement";
    public static final String RESOURCE = "processes/policyEndorsement.bpmn";

    public static final String START_EVENT = "StartEvent_EndorsementRequired";
    public static final String TASK_CONFIRM_PREMIUM = "UserTask_ConfirmEndorsementPremium";
    public static final String TASK_ISSUE_ENDORSEMENT = "ServiceTask_IssueEndorsement";
    public static final String TASK_REPORT_ENDORSEMENT = "ServiceTask_ReportEndorsement";
    public static final String END_ISSUED = "EndEvent_EndorsementIssued";
    public static final String END_SUPERSEDED = "EndEvent_EndorsementSuperseded";

    /** Correlated when a further phase joins before this endorsement was issued: a new one covers both. */
    public static final String MESSAGE_SUPERSEDED = "EndorsementSuperseded";

    public static final String VAR_ENDORSEMENT_ID = "endorsementId";
    public static final String VAR_POLICY_ID = "policyId";
    /** The candidate group of the premium task, for the Tasklist's lists; who may act is {@code EndorsementStepOwners}'. */
    public static final String VAR_INSURER_GROUP = "insurerGroup";
    /**
     * What the premium form shows, set once at start from our tables (which stay the truth: the
     * listener checks against them): policy number, project names, amounts and periods as text.
     */
    public static final String VAR_POLICY_NUMBER = "policyNumber";
    public static final String VAR_PHASES = "phases";
    public static final String VAR_OLD_CONTRACT_AMOUNT = "oldContractAmount";
    public static final String VAR_NEW_CONTRACT_AMOUNT = "newContractAmount";
    public static final String VAR_OLD_POLICY_PERIOD = "oldPolicyPeriod";
    public static final String VAR_NEW_POLICY_PERIOD = "newPolicyPeriod";
    public static final String VAR_ADDITIONAL_PREMIUM = "additionalPremium";
    /** Written at start: county · project · policy number · additional premium (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    /** The premium task's form, as {@code policyUnderwriting}'s. */
    public static final String VAR_PREMIUM_RECEIVED = PolicyUnderwritingProcess.VAR_PREMIUM_RECEIVED;
    public static final String VAR_PAID_IN_ONE_PAYMENT = PolicyUnderwritingProcess.VAR_PAID_IN_ONE_PAYMENT;

    private PolicyEndorsementProcess() {
    }
}
