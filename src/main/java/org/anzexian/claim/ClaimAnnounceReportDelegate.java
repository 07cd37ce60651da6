package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_AnnounceReport}: tells the insurer's claims team; a late or fatal accident the authorities (N6.5). */
@Component
class ClaimAnnounceReportDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimAnnounceReportDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.announceReport(ClaimHandlingProcess.claimId(execution));
    }
}
