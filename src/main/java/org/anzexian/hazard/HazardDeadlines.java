package org.anzexian.hazard;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the rectification period, the reminder and the city escalation (N8.9) from the latest deployed
 * DMN {@code hazardDeadline}, so a process owner changes them without a release (N9.3); the dates are
 * fixed per rectification round when it opens.
 */
@Component
class HazardDeadlines {

    private final DecisionService decisions;
    private final SystemAuthority system;

    HazardDeadlines(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    /** The dates of a round opened at {@code openedAt} for a hazard of this severity and category. */
    Dates forRound(OffsetDateTime openedAt, HazardSeverity severity, HazardCategory category) {
        DmnDecisionRuleResult result = system.call(() -> decisions
                .evaluateDecisionTableByKey(HazardRectificationProcess.DECISION_KEY, Variables.createVariables()
                        .putValue("severity", severity.name()).putValue("category", category.name()))
                .getFirstResult());
        if (result == null) {
            throw new IllegalStateException("DMN " + HazardRectificationProcess.DECISION_KEY + " has no rule for "
                    + severity + ", " + category);
        }
        Map<String, Object> values = result.getEntryMap();
        OffsetDateTime deadline = plus(openedAt, values, "rectificationPeriod");
        duration(values, "verificationWithin");
        return new Dates(minus(deadline, values, "reminderBefore"), deadline, plus(deadline, values, "cityEscalationAfter"),
                String.valueOf(values.get("verificationWithin")).strip());
    }

    /** {@code verificationWithin}: an ISO-8601 duration counted from the evidence, for the verification's timer. */
    record Dates(OffsetDateTime reminderAt, OffsetDateTime deadlineAt, OffsetDateTime cityEscalationAt,
            String verificationWithin) {
    }

    private static OffsetDateTime plus(OffsetDateTime start, Map<String, Object> values, String name) {
        return start.plus(duration(values, name));
    }

    private static OffsetDateTime minus(OffsetDateTime end, Map<String, Object> values, String name) {
        return end.minus(duration(values, name));
    }

    /** ISO-8601 as Camunda timers read it: a calendar period (P7D) or a time span (PT24H). */
    private static TemporalAmount duration(Map<String, Object> values, String name) {
        String iso = String.valueOf(values.get(name)).strip();
        try {
            return iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
        } catch (RuntimeException e) {
            throw new IllegalStateException("DMN " + HazardRectificationProcess.DECISION_KEY + " output " + name
                    + " is not an ISO-8601 duration: " + iso, e);
        }
    }
}
