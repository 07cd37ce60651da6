package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_WithdrawFiling}: ends the filing as withdrawn. */
@Component
class ServiceOrgWithdrawDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgWithdrawDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filings.markWithdrawn(ServiceOrgFilingProcess.filingId(execution));
    }
}
