package org.anzexian.service.team;

import java.time.Clock;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code UserTask_RegisterServiceTeam} from the Tasklist: the form's teams go through
 * the same checks as {@code /api}; a refused form leaves the task open.
 */
@Component
class ServiceTeamFormListener implements TaskListener {

    private final ServiceTeamRegistrationService registrations;
    private final Clock clock;

    ServiceTeamFormListener(ServiceTeamRegistrationService registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        registrations.recordFromForm(ServiceTeamRegistrationProcess.policyId(task), ServiceTeamForm.read(new FormValues(task.getVariables(), clock.getZone())),
                Acting.requireUser(task).userId());
    }
}
