package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RejectFiling}: rejects the filing and tells the organization why. */
@Component
class ServiceOrgRejectDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgRejectDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filings.reject(ServiceOrgFilingProcess.filingId(execution));
    }
}
