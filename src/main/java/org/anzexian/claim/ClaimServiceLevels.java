package org.anzexian.claim;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the insurer's acknowledgement time (N6.5, default one hour) from the latest deployed DMN
 * {@code claimServiceLevels}, so a process owner changes it without a release (N9.3); the due time is
 * fixed per claim when it is reported.
 */
@Component
class ClaimServiceLevels {

    private final DecisionService decisions;
    private final SystemAuthority system;

    ClaimServiceLevels(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    /** When the acknowledgement of a claim reported at {@code reportedAt} is due. */
    OffsetDateTime acknowledgementDue(OffsetDateTime reportedAt, int deaths, int injuries) {
        DmnDecisionRuleResult result = system.call(() -> decisions
                .evaluateDecisionTableByKey(ClaimHandlingProcess.DECISION_KEY, Variables.createVariables()
                        .putValue("deaths", deaths).putValue("injuries", injuries))
                .getFirstResult());
        if (result == null) {
            throw new IllegalStateException("DMN " + ClaimHandlingProcess.DECISION_KEY + " has no rule for deaths="
                    + deaths + ", injuries=" + injuries);
        }
        String iso = String.valueOf(result.getEntryMap().get("acknowledgementTime")).strip();
        try {
            return iso.contains("T") ? reportedAt.plus(Duration.parse(iso)) : reportedAt.plus(Period.parse(iso));
        } catch (RuntimeException e) {
            throw new IllegalStateException("DMN " + ClaimHandlingProcess.DECISION_KEY
                    + " output acknowledgementTime is not an ISO-8601 duration: " + iso, e);
        }
    }
}
