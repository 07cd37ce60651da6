package org.anzexian.filing.insurer;

import java.time.LocalDate;
import java.util.Map;
import org.anzexian.platform.decision.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Reads the thresholds from the latest deployed version of the DMN decision
 * {@value #DECISION_KEY}, so a process owner changes them by deploying the table (N9.3).
 */
@Component
class InsurerEligibility {

    static final String DECISION_KEY = "insurerEligibility";

    private final DecisionTables tables;

    InsurerEligibility(DecisionTables tables) {
        this.tables = tables;
    }

    /** The thresholds for a filing checked on the given day. */
    EligibilityThresholds thresholds(LocalDate filingDate) {
        DecisionTables.Row row = tables.row(DECISION_KEY, Map.of("filingYear", filingDate.getYear()));
        return new EligibilityThresholds(
                row.number("requiredAuditYear"),
                row.decimal("minComprehensiveSolvencyRatio"),
                row.decimal("minCoreSolvencyRatio"),
                row.number("minProjectLeadYears"),
                row.number("minPoliciesUnderwritten"),
                row.number("minClaimsHandled"),
                row.number("minPreventionServices"));
    }
}
