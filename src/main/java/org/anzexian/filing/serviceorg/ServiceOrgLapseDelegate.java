package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_LapseFiling}: the correction deadline passed: the filing lapses. */
@Component
class ServiceOrgLapseDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgLapseDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filings.lapse(ServiceOrgFilingProcess.filingId(execution));
    }
}
