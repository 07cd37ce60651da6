package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendAcknowledgement}: mails the claim procedure and the documents needed to the reporter (N6.5). */
@Component
class ClaimSendAcknowledgementDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimSendAcknowledgementDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.sendAcknowledgement(ClaimHandlingProcess.claimId(execution));
    }
}
