package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RunChecks}: runs N7.1–N7.5 and hands the gateway its routing fact. */
@Component
class ServiceOrgChecksDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgChecksDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcome = filings.runChecks(ServiceOrgFilingProcess.filingId(execution));
        execution.setVariable(ServiceOrgFilingProcess.VAR_CHECKS_PASSED, outcome.passed());
        execution.setVariable(ServiceOrgFilingProcess.VAR_CHECK_SUMMARY, outcome.summary());
    }
}
