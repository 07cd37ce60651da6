package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_AnnouncePayment}: mails the recorded payment to the construction unit (N6.6). */
@Component
class ClaimAnnouncePaymentDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimAnnouncePaymentDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.announcePayment(ClaimHandlingProcess.claimId(execution));
    }
}
