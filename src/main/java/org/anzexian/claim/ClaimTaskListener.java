package org.anzexian.claim;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of every user task of {@code claimHandling} (Tasklist form or {@code /api}): the step goes
 * through {@link ClaimService#recordStep}; a refused step leaves the task open.
 */
@Component
class ClaimTaskListener implements TaskListener {

    private final ClaimService claims;

    ClaimTaskListener(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String userId = user != null ? user.getUserId() : (String) task.getVariable(ClaimHandlingProcess.VAR_STEP_USER);
        task.getExecution().setVariables(claims.recordStep(ClaimHandlingProcess.claimId(task),
                task.getTaskDefinitionKey(), task.getVariables(), userId));
    }
}
