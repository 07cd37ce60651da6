package org.anzexian.filing.serviceorg;

import java.time.Clock;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterFiling}: a filing started through {@code /api} is stored already; one
 * started from the Tasklist start form is stored now, for the logged-in user who started it.
 */
@Component
class ServiceOrgRegisterFilingDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;
    private final Clock clock;

    ServiceOrgRegisterFilingDelegate(ServiceOrgFilingService filings, Clock clock) {
        this.filings = filings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(ServiceOrgFilingProcess.VAR_FILING_ID)) {
            return;
        }
        Actor actor = Acting.requireUser(execution,
                "备案须由本机构人员登录后提交 (a filing must be started by a logged-in member)");
        execution.setVariables(filings.registerStartedFiling(actor, StartFormFiling.read(new FormValues(execution.getVariables(), clock.getZone())),
                execution.getProcessInstanceId()));
        execution.setProcessBusinessKey(String.valueOf(execution.getVariable(ServiceOrgFilingProcess.VAR_FILING_ID)));
    }
}
