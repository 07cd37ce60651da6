package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_AnnounceDecision}: mails the decision to the reporter and the construction unit. */
@Component
class ClaimAnnounceDecisionDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimAnnounceDecisionDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.announceDecision(ClaimHandlingProcess.claimId(execution));
    }
}
