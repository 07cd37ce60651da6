package org.anzexian.filing.insurer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Reads the thresholds from the latest deployed version of the DMN decision
 * {@value #DECISION_KEY}, so a process owner changes them by deploying the table (N9.3).
 */
@Component
class InsurerEligibility {

    static final String DECISION_KEY = "insurerEligibility";

    private final DecisionService decisions;
    private final SystemAuthority system;

    InsurerEligibility(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    /** The thresholds for a filing checked on the given day. */
    EligibilityThresholds thresholds(LocalDate filingDate) {
        // the caller's own authorization (an insurer clerk) does not extend to reading decisions
        DmnDecisionResultEntries row = system.call(() -> decisions
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("filingYear", filingDate.getYear()))
                .evaluate()
                .getSingleResult());
        if (row == null) {
            throw new IllegalStateException("DMN " + DECISION_KEY + " has no rule for filing year " + filingDate.getYear());
        }
        return new EligibilityThresholds(
                number(row, "requiredAuditYear").intValue(),
                decimal(row, "minComprehensiveSolvencyRatio"),
                decimal(row, "minCoreSolvencyRatio"),
                number(row, "minProjectLeadYears").intValue(),
                number(row, "minPoliciesUnderwritten").intValue(),
                number(row, "minClaimsHandled").intValue(),
                number(row, "minPreventionServices").intValue());
    }

    private static Number number(DmnDecisionResultEntries row, String output) {
        Object value = row.getEntry(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("DMN " + DECISION_KEY + " output " + output + " is not a number: " + value);
        }
        return number;
    }

    private static BigDecimal decimal(DmnDecisionResultEntries row, String output) {
        return new BigDecimal(number(row, output).toString());
    }
}
