package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestMoreDocuments}: tells the construction unit which documents are missing. */
@Component
class ClaimMoreDocumentsDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimMoreDocumentsDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.requestMoreDocuments(ClaimHandlingProcess.claimId(execution));
    }
}
