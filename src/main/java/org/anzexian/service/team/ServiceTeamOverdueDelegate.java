package org.anzexian.service.team;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_MarkOverdue}: marks the registration overdue and tells the county and the city bureau. */
@Component
class ServiceTeamOverdueDelegate implements JavaDelegate {

    private final ServiceTeamRegistrationService registrations;

    ServiceTeamOverdueDelegate(ServiceTeamRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.markOverdue(ServiceTeamRegistrationProcess.policyId(execution));
    }
}
