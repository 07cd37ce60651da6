package org.anzexian.service.visit;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.registry.project.Project;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the visit interval, the first visit's lead time and the reminder offset from the latest
 * deployed DMN {@code visitFrequency} (inputs: project category, contract amount, whether a major hazard
 * is open), so a process owner changes them without a release (N9.3). Evaluated each time a visit is
 * scheduled, so an open major hazard shortens the next interval.
 */
@Component
class VisitFrequency {

    private final DecisionService decisions;
    private final SystemAuthority system;

    VisitFrequency(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    Intervals of(Project project, boolean majorHazardOpen) {
        DmnDecisionRuleResult result = system.call(() -> decisions
                .evaluateDecisionTableByKey(PreventionServiceVisitProcess.DECISION_KEY, Variables.createVariables()
                        .putValue("projectCategory", project.category().name())
                        .putValue("contractAmount", project.contractAmount().doubleValue())
                        .putValue("majorHazardOpen", majorHazardOpen))
                .getSingleResult());
        if (result == null) {
            throw new IllegalStateException("DMN " + PreventionServiceVisitProcess.DECISION_KEY + " has no rule for "
                    + project.category() + ", " + project.contractAmount() + ", majorHazardOpen=" + majorHazardOpen);
        }
        Map<String, Object> values = result.getEntryMap();
        return new Intervals(iso(values, "firstVisitWithin"), iso(values, "visitInterval"), iso(values, "reminderBefore"));
    }

    /** ISO-8601 amounts as Camunda timers read them: a calendar period (P30D) or a time span (PT12H). */
    record Intervals(TemporalAmount firstVisitWithin, TemporalAmount visitInterval, TemporalAmount reminderBefore) {
    }

    private static TemporalAmount iso(Map<String, Object> values, String name) {
        String iso = String.valueOf(values.get(name)).strip();
        try {
            return iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
        } catch (RuntimeException e) {
            throw new IllegalStateException("DMN " + PreventionServiceVisitProcess.DECISION_KEY + " output " + name
                    + " is not an ISO-8601 duration: " + iso, e);
        }
    }
}
