package org.anzexian.service.visit;

import java.time.temporal.TemporalAmount;
import java.util.Map;
import org.anzexian.platform.decision.DecisionTables;
import org.anzexian.registry.project.Project;
import org.springframework.stereotype.Component;

/**
 * Reads the visit interval, the first visit's lead time and the reminder offset from the latest
 * deployed DMN {@code visitFrequency} (inputs: project category, contract amount, whether a major hazard
 * is open), so a process owner changes them without a release (N9.3). Evaluated each time a visit is
 * scheduled, so an open major hazard shortens the next interval.
 */
@Component
class VisitFrequency {

    private final DecisionTables tables;

    VisitFrequency(DecisionTables tables) {
        this.tables = tables;
    }

    Intervals of(Project project, boolean majorHazardOpen) {
        DecisionTables.Row row = tables.row(PreventionServiceVisitProcess.DECISION_KEY, Map.of(
                "projectCategory", project.category().name(),
                "contractAmount", project.contractAmount().doubleValue(),
                "majorHazardOpen", majorHazardOpen));
        return new Intervals(row.amount("firstVisitWithin"), row.amount("visitInterval"), row.amount("reminderBefore"));
    }

    /** ISO-8601 amounts as Camunda timers read them: a calendar period (P30D) or a time span (PT12H). */
    record Intervals(TemporalAmount firstVisitWithin, TemporalAmount visitInterval, TemporalAmount reminderBefore) {
    }
}
