package org.anzexian.claim;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordReport}: a report from the Tasklist start form is recorded by
 * {@link ClaimService#reportFromStartForm} (in the start transaction: a refused report starts nothing);
 * a report through {@code /api} arrives recorded, with its claim id.
 */
@Component
class ClaimRecordReportDelegate implements JavaDelegate {

    private final ClaimService claims;

    ClaimRecordReportDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(ClaimHandlingProcess.VAR_CLAIM_ID)) {
            return;
        }
        Actor actor = Acting.requireUser(execution, "请登录后报案 (log in to report an accident)");
        execution.setVariables(claims.reportFromStartForm(actor, execution.getVariables(), execution.getProcessInstanceId()));
        execution.setProcessBusinessKey(String.valueOf(execution.getVariable(ClaimHandlingProcess.VAR_CLAIM_ID)));
    }
}
