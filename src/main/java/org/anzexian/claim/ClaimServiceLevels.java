package org.anzexian.claim;

import java.time.OffsetDateTime;
import java.util.Map;
import org.anzexian.platform.decision.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Reads the insurer's acknowledgement time (N6.5, default one hour) from the latest deployed DMN
 * {@code claimServiceLevels}, so a process owner changes it without a release (N9.3); the due time is
 * fixed per claim when it is reported.
 */
@Component
class ClaimServiceLevels {

    private final DecisionTables tables;

    ClaimServiceLevels(DecisionTables tables) {
        this.tables = tables;
    }

    /** When the acknowledgement of a claim reported at {@code reportedAt} is due. */
    OffsetDateTime acknowledgementDue(OffsetDateTime reportedAt, int deaths, int injuries) {
        return tables.row(ClaimHandlingProcess.DECISION_KEY, Map.of("deaths", deaths, "injuries", injuries))
                .after(reportedAt, "acknowledgementTime");
    }
}
