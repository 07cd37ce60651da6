package org.anzexian.service.visit;

/** Names of {@code processes/countyVisitDigest.bpmn}: the periodic digest to each county authority (N8.5). */
public final class CountyVisitDigestProcess {

    public static final String KEY = "countyVisitDigest";
    public static final String RESOURCE = "processes/countyVisitDigest.bpmn";

    public static final String START_EVENT = "TimerStartEvent_DigestDue";
    public static final String TASK_SEND_DIGESTS = "ServiceTask_SendDigests";

    private CountyVisitDigestProcess() {
    }
}
