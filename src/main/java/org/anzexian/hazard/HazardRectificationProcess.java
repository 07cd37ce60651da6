package org.anzexian.hazard;

/** Names of process {@code hazardRectification} that Java and the BPMN share (one place, no typos). */
public final class HazardRectificationProcess {

    public static final String KEY = "hazardRectification";
    public static final String RESOURCE = "processes/hazardRectification.bpmn";

    /** The start message {@link HazardService#raise} correlates; business key = the hazard id. */
    public static final String MESSAGE_HAZARD_RAISED = "HazardRaised";
    public static final String START_EVENT = "StartEvent_HazardRaised";

    /** Start variables. */
    public static final String VAR_HAZARD_ID = "hazardId";
    public static final String VAR_SEVERITY = "severity";

    private HazardRectificationProcess() {
    }
}
