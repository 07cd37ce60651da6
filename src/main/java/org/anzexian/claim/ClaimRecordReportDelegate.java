package org.anzexian.claim;

import java.util.List;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ForbiddenException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null) {
            throw new ForbiddenException("请登录后报案 (log in to report an accident)");
        }
        Actor actor = new Actor(user.getUserId(), Set.copyOf(user.getGroupIds() == null ? List.of() : user.getGroupIds()));
        execution.setVariables(claims.reportFromStartForm(actor, execution.getVariables(), execution.getProcessInstanceId()));
        execution.setProcessBusinessKey(String.valueOf(ClaimHandlingProcess.claimId(execution)));
    }
}
