package org.anzexian.service.visit;

/** Names of {@code processes/countyVisitDigest.bpmn}: the periodic digest to each county authority (N8.5). */
public final class CountyVisitDigestProcess {

    public static final String KEY = "countyVisitDigest";
    public static final String RESOURCE = "processes/countyVisitDigest.bpmn";

    public static final String START_EVENT = "TimerStartEvent_DigestDue";
    public static final String TASK_SEND_DIGESTS = "ServiceTask_SendDigests";

    /** String for lists: 全市 · 县级住建部门服务情况汇总 · the day of the run (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    private CountyVisitDigestProcess() {
    }
}
