package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RemindDocuments}, {@code ServiceTask_RemindDecision}, {@code ServiceTask_RemindPayment}. */
@Component
class ClaimReminderDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimReminderDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.remind(ClaimHandlingProcess.claimId(execution), execution.getCurrentActivityId());
    }
}
