package org.anzexian.underwriting;

/**
 * Names of {@code processes/quotationRequest.bpmn}: the Tasklist start form for a quotation request,
 * the same use case as {@code POST /api/quotation-requests}. Business key = quotation request id.
 */
public final class QuotationRequestProcess {

    public static final String KEY = "quotationRequest";
    public static final String RESOURCE = "processes/quotationRequest.bpmn";

    public static final String START_EVENT = "StartEvent_QuotationRequested";
    public static final String TASK_REQUEST_QUOTATIONS = "ServiceTask_RequestQuotations";
    public static final String END_QUOTATIONS_REQUESTED = "EndEvent_QuotationsRequested";

    /** Start form: the project's code. */
    public static final String VAR_PROJECT_CODE = "projectCode";
    /** Start form: insurer organization ids separated by commas, semicolons or blanks. */
    public static final String VAR_INSURER_ORG_IDS = "insurerOrgIds";
    /** Set by the service task. */
    public static final String VAR_REQUEST_ID = "quotationRequestId";
    /** Set by the service task: the created quotation ids, comma-separated. */
    public static final String VAR_QUOTATION_IDS = "quotationIds";

    /** Set by the service task: county · project · how many insurers were asked (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    private QuotationRequestProcess() {
    }
}
