package org.anzexian.filing.insurer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RunChecks}: every check of the filing, one new round. */
@Component("runInsurerFilingChecksDelegate")
class RunChecksDelegate implements JavaDelegate {

    private final InsurerFilingService filings;

    RunChecksDelegate(InsurerFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CheckOutcome outcome = filings.runChecks(InsurerFilingDelegates.filingId(execution));
        execution.setVariable(InsurerFilingProcess.VAR_CHECKS_PASSED, outcome.allPassed());
        execution.setVariable(InsurerFilingProcess.VAR_CORRECTION_REASONS, outcome.failureReasons());
    }
}
