package org.anzexian.hazard;

import java.time.OffsetDateTime;
import java.util.Map;
import org.anzexian.platform.decision.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Reads the rectification period, the reminder and the city escalation (N8.9) from the latest deployed
 * DMN {@code hazardDeadline}, so a process owner changes them without a release (N9.3); the dates are
 * fixed per rectification round when it opens.
 */
@Component
class HazardDeadlines {

    private final DecisionTables tables;

    HazardDeadlines(DecisionTables tables) {
        this.tables = tables;
    }

    /** The dates of a round opened at {@code openedAt} for a hazard of this severity and category. */
    Dates forRound(OffsetDateTime openedAt, HazardSeverity severity, HazardCategory category) {
        DecisionTables.Row row = tables.row(HazardRectificationProcess.DECISION_KEY,
                Map.of("severity", severity.name(), "category", category.name()));
        OffsetDateTime deadline = row.after(openedAt, "rectificationPeriod");
        // the verification's timer reads it later: a wrong value is refused now, when the round opens
        row.amount("verificationWithin");
        return new Dates(deadline.minus(row.amount("reminderBefore")), deadline,
                row.after(deadline, "cityEscalationAfter"), row.text("verificationWithin"));
    }

    /** {@code verificationWithin}: an ISO-8601 duration counted from the evidence, for the verification's timer. */
    record Dates(OffsetDateTime reminderAt, OffsetDateTime deadlineAt, OffsetDateTime cityEscalationAt,
            String verificationWithin) {
    }
}
