package org.anzexian.filing.serviceorg;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.anzexian.platform.decision.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Reads the thresholds of N7.2–N7.5 from the latest deployed DMN {@code serviceOrgEligibility}, so
 * a process owner's revision applies to the next check without a release (N9.3).
 */
@Component
class EligibilityRules {

    private final DecisionTables tables;

    EligibilityRules(DecisionTables tables) {
        this.tables = tables;
    }

    EligibilityThresholds forFilingDate(LocalDate filingDate) {
        DecisionTables.Row row = tables.row(ServiceOrgFilingProcess.DECISION_KEY,
                Map.of("filingYear", filingDate.getYear()));
        return new EligibilityThresholds(
                row.number("tier1MinYears"), row.number("tier1MinPersons"),
                row.number("tier2MinYears"), row.number("tier2MinPersons"),
                row.number("tier3MinYears"), row.number("tier3MinPersons"),
                row.number("minServiceYears"),
                QualificationClass.valueOf(row.text("minQualificationClass")),
                row.number("badRecordLookBackYears"),
                Arrays.stream(row.text("seniorTitles").split("[,，]"))
                        .map(String::strip).filter(title -> !title.isEmpty()).collect(Collectors.toSet()));
    }
}
