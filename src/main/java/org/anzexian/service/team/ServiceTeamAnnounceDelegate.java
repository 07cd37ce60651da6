package org.anzexian.service.team;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_AnnounceRegistration}: mails the construction unit and the service organization, publishes the event. */
@Component
class ServiceTeamAnnounceDelegate implements JavaDelegate {

    private final ServiceTeamRegistrationService registrations;

    ServiceTeamAnnounceDelegate(ServiceTeamRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.announce(ServiceTeamRegistrationProcess.policyId(execution));
    }
}
