package org.anzexian.filing.insurer;

/** Names of {@code processes/insurerLicenseChange.bpmn} shared by Java and the model. */
public final class InsurerLicenseChangeProcess {

    public static final String KEY = "insurerLicenseChange";
    public static final String RESOURCE = "processes/insurerLicenseChange.bpmn";

    public static final String START_EVENT = "StartEvent_ChangeSubmitted";
    public static final String TASK_REVIEW_CHANGE = "UserTask_ReviewLicenseChange";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String TASK_APPLY_CHANGE = "ServiceTask_ApplyChange";
    public static final String TASK_REJECT_CHANGE = "ServiceTask_RejectChange";
    public static final String END_APPLIED = "EndEvent_Applied";
    public static final String END_REJECTED = "EndEvent_Rejected";

    public static final String VAR_FILING_ID = "filingId";
    /** Current and proposed licences as text, for the reviewer's form only; the change itself is in our table. */
    public static final String VAR_CHANGE_SUMMARY = "changeSummary";
    /** The line the task lists show for the case: organization · kind (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_REASON = "reviewReason";

    /** Fields of the start form {@code forms/insurerLicenseChangeStart.form}. */
    public static final String FIELD_BUSINESS_NUMBER = "businessLicenseNumber";
    public static final String FIELD_BUSINESS_VALID_UNTIL = "businessLicenseValidUntil";
    public static final String FIELD_BUSINESS_FILE = "businessLicenseFile";
    public static final String FIELD_INSURANCE_NUMBER = "insuranceLicenseNumber";
    public static final String FIELD_INSURANCE_VALID_UNTIL = "insuranceLicenseValidUntil";
    public static final String FIELD_INSURANCE_FILE = "insuranceLicenseFile";

    private InsurerLicenseChangeProcess() {
    }
}
