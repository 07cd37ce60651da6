package org.anzexian.service.team;

import static org.anzexian.service.team.ServiceTeamRegistrationProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_OpenRegistration}: opens the registration and fixes its reminder and deadline dates. */
@Component
class ServiceTeamOpenRegistrationDelegate implements JavaDelegate {

    private final ServiceTeamRegistrationService registrations;

    ServiceTeamOpenRegistrationDelegate(ServiceTeamRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(registrations.open(policyId(execution),
                ((Number) execution.getVariable(VAR_PROJECT_ID)).longValue(),
                ((Number) execution.getVariable(VAR_INSURER_ORG_ID)).longValue(),
                (Date) execution.getVariable(VAR_POLICY_ISSUED_AT), execution.getProcessInstanceId()));
    }
}
