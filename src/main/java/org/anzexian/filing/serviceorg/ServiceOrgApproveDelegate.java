package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_ApproveFiling}: approves the filing, numbers it and tells the organization and the bureau. */
@Component
class ServiceOrgApproveDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgApproveDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filings.approve(ServiceOrgFilingProcess.filingId(execution));
    }
}
