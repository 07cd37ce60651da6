package org.anzexian.service.team;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_FirstReminder}, {@code ServiceTask_SecondReminder}: remind the insurer before the deadline. */
@Component
class ServiceTeamReminderDelegate implements JavaDelegate {

    private final ServiceTeamRegistrationService registrations;

    ServiceTeamReminderDelegate(ServiceTeamRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.remindInsurer(ServiceTeamRegistrationProcess.policyId(execution), execution.getCurrentActivityId());
    }
}
