package org.anzexian.service.team;

import static org.anzexian.service.team.ServiceTeamRegistrationProcess.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/serviceTeamRegistration.bpmn}, one bean per model
 * element, named {@code serviceTeamRegistration<Element>Delegate} (service task) or {@code …Listener}
 * (task listener) after the element's id: each reads the policy (the business key) and, for a form, its
 * fields, calls one {@link ServiceTeamRegistrationService} method and sets the routing facts and dates it
 * returns.
 *
 * <p>A user task's complete listener is the Tasklist's adapter to the task's one door in the service; it
 * takes what {@code /api} recorded ({@link Acting#recordedForApi}) when {@code /api} went through the same
 * door before the gateway completed the task, and records nothing again. A refused form leaves the task open.
 */
@Configuration
class ServiceTeamRegistrationDelegates {

    /** {@code ServiceTask_OpenRegistration}: opens the registration and fixes its reminder and deadline dates. */
    @Bean
    JavaDelegate serviceTeamRegistrationOpenRegistrationDelegate(ServiceTeamRegistrationService registrations) {
        return execution -> {
            OpenRegistration opened = registrations.open(policyId(execution),
                    ((Number) execution.getVariable(VAR_PROJECT_ID)).longValue(),
                    ((Number) execution.getVariable(VAR_INSURER_ORG_ID)).longValue(),
                    (Date) execution.getVariable(VAR_POLICY_ISSUED_AT), execution.getProcessInstanceId());
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_INSURER_GROUP, opened.insurerGroup());
            variables.put(VAR_COUNTY_GROUP, opened.countyGroup());
            variables.put(VAR_FIRST_REMINDER_AT, date(opened.firstReminderAt()));
            variables.put(VAR_SECOND_REMINDER_AT, date(opened.secondReminderAt()));
            variables.put(VAR_DEADLINE_AT, date(opened.deadlineAt()));
            variables.put(VAR_CASE_SUMMARY, opened.caseSummary());
            execution.setVariables(variables);
        };
    }

    /**
     * {@code UserTask_RegisterServiceTeam} (embedded form {@code forms/serviceTeamRegistration.html}) →
     * {@link ServiceTeamRegistrationService#register}.
     */
    @Bean
    TaskListener serviceTeamRegistrationRegisterServiceTeamListener(ServiceTeamRegistrationService registrations,
            Clock clock) {
        return task -> {
            if (Acting.recordedForApi(task, ServiceTeamRegistration.class).isPresent()) {
                return;
            }
            registrations.register(Acting.requireUser(task), policyId(task),
                    ServiceTeamForm.read(new FormValues(task.getVariables(), clock.getZone()), task.getVariableNames()));
        };
    }

    /** {@code ServiceTask_FirstReminder}. */
    @Bean
    JavaDelegate serviceTeamRegistrationFirstReminderDelegate(ServiceTeamRegistrationService registrations) {
        return execution -> registrations.remindInsurer(policyId(execution), TASK_FIRST_REMINDER);
    }

    /** {@code ServiceTask_SecondReminder}. */
    @Bean
    JavaDelegate serviceTeamRegistrationSecondReminderDelegate(ServiceTeamRegistrationService registrations) {
        return execution -> registrations.remindInsurer(policyId(execution), TASK_SECOND_REMINDER);
    }

    /** {@code ServiceTask_MarkOverdue}: marks the registration overdue and tells the county and the city bureau. */
    @Bean
    JavaDelegate serviceTeamRegistrationMarkOverdueDelegate(ServiceTeamRegistrationService registrations,
            ServiceTeamProperties properties) {
        return execution -> {
            registrations.markOverdue(policyId(execution));
            // the county's follow-up task is due this long after the registration fell overdue (setting)
            execution.setVariable(VAR_FOLLOW_UP_WITHIN, properties.followUpWithin().toString());
        };
    }

    /** {@code ServiceTask_AnnounceRegistration}: mails the construction unit and the service organization, publishes the event. */
    @Bean
    JavaDelegate serviceTeamRegistrationAnnounceRegistrationDelegate(ServiceTeamRegistrationService registrations) {
        return execution -> registrations.announce(policyId(execution));
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
