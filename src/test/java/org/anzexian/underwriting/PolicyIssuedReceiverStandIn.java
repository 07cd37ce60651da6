package org.anzexian.underwriting;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * TEST-ONLY stand-in for {@code serviceTeamRegistration} until it is merged: deploys
 * {@code underwriting/policyIssuedReceiver.bpmn} (message start {@code PolicyIssued} → a waiting user
 * task) only when no deployed process starts on that message, so it never competes with the real one.
 */
public final class PolicyIssuedReceiverStandIn {

    public static final String RESOURCE = "underwriting/policyIssuedReceiver.bpmn";
    public static final String KEY = "policyIssuedReceiverStandIn";
    public static final String START_EVENT = "StartEvent_PolicyIssued";
    public static final String TASK_WAIT = "UserTask_Wait";

    private PolicyIssuedReceiverStandIn() {
    }

    static synchronized void ensureReceiver(ProcessEngine engine) {
        boolean received = engine.getRuntimeService().createEventSubscriptionQuery().eventType("message")
                .eventName(PolicyUnderwritingProcess.MESSAGE_POLICY_ISSUED).count() > 0;
        if (!received) {
            engine.getRepositoryService().createDeployment().name("underwriting-test-stand-in")
                    .addClasspathResource(RESOURCE)
                    .addClasspathResource("underwriting/policyIssuedReceiverWait.form")
                    .deploy();
        }
    }
}
