package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_EscalateAcknowledgement}, {@code ServiceTask_EscalateDecision},
 * {@code ServiceTask_EscalatePayment}: a missed service time is recorded against the insurer and escalated.
 */
@Component
class ClaimEscalationDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimEscalationDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.escalate(ClaimHandlingProcess.claimId(execution), execution.getCurrentActivityId());
    }
}
