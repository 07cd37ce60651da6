package org.anzexian.service.team;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code UserTask_RegisterServiceTeam} from the Tasklist: the form's teams go through
 * the same checks as {@code /api}; a refused form leaves the task open.
 */
@Component
class ServiceTeamFormListener implements TaskListener {

    private final ServiceTeamRegistrationService registrations;

    ServiceTeamFormListener(ServiceTeamRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        registrations.recordFromForm(ServiceTeamRegistrationProcess.policyId(task), ServiceTeamForm.read(task),
                user != null ? user.getUserId() : task.getAssignee());
    }
}
