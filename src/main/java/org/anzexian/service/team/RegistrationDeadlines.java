package org.anzexian.service.team;

import java.time.OffsetDateTime;
import java.util.Map;
import org.anzexian.platform.decision.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Reads the registration period and the reminder offsets (N6.3) from the latest deployed DMN
 * {@code registrationDeadline}, so a process owner changes them without a release (N9.3); the
 * dates are fixed per registration when it opens.
 */
@Component
class RegistrationDeadlines {

    private final DecisionTables tables;

    RegistrationDeadlines(DecisionTables tables) {
        this.tables = tables;
    }

    /** The dates for a policy issued at {@code issuedAt} on a project of {@code projectCategory}. */
    Dates forPolicy(OffsetDateTime issuedAt, String projectCategory) {
        DecisionTables.Row row = tables.row(ServiceTeamRegistrationProcess.DECISION_KEY,
                Map.of("projectCategory", projectCategory));
        return new Dates(row.after(issuedAt, "firstReminder"), row.after(issuedAt, "secondReminder"),
                row.after(issuedAt, "registrationPeriod"));
    }

    record Dates(OffsetDateTime firstReminder, OffsetDateTime secondReminder, OffsetDateTime deadline) {
    }
}
