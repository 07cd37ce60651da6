package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestMoreInfo}: back to the organization with the bureau's request as the reason. */
@Component
class ServiceOrgMoreInfoDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgMoreInfoDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = filings.requestMoreInfo(ServiceOrgFilingProcess.filingId(execution));
        execution.setVariable(ServiceOrgFilingProcess.VAR_CHECK_SUMMARY, reason);
    }
}
