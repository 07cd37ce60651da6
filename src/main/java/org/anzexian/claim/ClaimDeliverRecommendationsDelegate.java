package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_DeliverRecommendations}: mails the recommendations and raises the chosen hazards (N6.7). */
@Component
class ClaimDeliverRecommendationsDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimDeliverRecommendationsDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.deliverRecommendations(ClaimHandlingProcess.claimId(execution),
                Boolean.TRUE.equals(execution.getVariable(ClaimHandlingProcess.VAR_RAISE_HAZARDS)));
    }
}
