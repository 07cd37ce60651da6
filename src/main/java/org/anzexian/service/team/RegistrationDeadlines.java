package org.anzexian.service.team;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the registration period and the reminder offsets (N6.3) from the latest deployed DMN
 * {@code registrationDeadline}, so a process owner changes them without a release (N9.3); the
 * dates are fixed per registration when it opens.
 */
@Component
class RegistrationDeadlines {

    private final DecisionService decisions;
    private final SystemAuthority system;

    RegistrationDeadlines(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    /** The dates for a policy issued at {@code issuedAt} on a project of {@code projectCategory}. */
    Dates forPolicy(OffsetDateTime issuedAt, String projectCategory) {
        DmnDecisionRuleResult result = system.call(() -> decisions
                .evaluateDecisionTableByKey(ServiceTeamRegistrationProcess.DECISION_KEY,
                        Variables.createVariables().putValue("projectCategory", projectCategory))
                .getSingleResult());
        if (result == null) {
            throw new IllegalStateException("DMN " + ServiceTeamRegistrationProcess.DECISION_KEY + " has no rule for "
                    + projectCategory);
        }
        Map<String, Object> values = result.getEntryMap();
        return new Dates(plus(issuedAt, values, "firstReminder"), plus(issuedAt, values, "secondReminder"),
                plus(issuedAt, values, "registrationPeriod"));
    }

    record Dates(OffsetDateTime firstReminder, OffsetDateTime secondReminder, OffsetDateTime deadline) {
    }

    /** ISO-8601 as Camunda timers read it: a calendar period (P1M, P21D) or a time span (PT12H). */
    private static OffsetDateTime plus(OffsetDateTime start, Map<String, Object> values, String name) {
        String iso = String.valueOf(values.get(name)).strip();
        try {
            return iso.contains("T") ? start.plus(Duration.parse(iso)) : start.plus(Period.parse(iso));
        } catch (RuntimeException e) {
            throw new IllegalStateException("DMN " + ServiceTeamRegistrationProcess.DECISION_KEY + " output " + name
                    + " is not an ISO-8601 duration: " + iso, e);
        }
    }
}
