package org.anzexian.filing.serviceorg;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the thresholds of N7.2–N7.5 from the latest deployed DMN {@code serviceOrgEligibility}, so
 * a process owner's revision applies to the next check without a release (N9.3).
 */
@Component
class EligibilityRules {

    private final DecisionService decisions;
    private final SystemAuthority system;

    EligibilityRules(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    EligibilityThresholds forFilingDate(LocalDate filingDate) {
        // the rules apply to every caller alike: no engine authorization on evaluating them
        DmnDecisionRuleResult result = system.call(() -> decisions
                .evaluateDecisionTableByKey(ServiceOrgFilingProcess.DECISION_KEY,
                        Variables.createVariables().putValue("filingYear", filingDate.getYear()))
                .getSingleResult());
        if (result == null) {
            throw new IllegalStateException("DMN " + ServiceOrgFilingProcess.DECISION_KEY + " has no rule for " + filingDate);
        }
        Map<String, Object> values = result.getEntryMap();
        return new EligibilityThresholds(
                number(values, "tier1MinYears"), number(values, "tier1MinPersons"),
                number(values, "tier2MinYears"), number(values, "tier2MinPersons"),
                number(values, "tier3MinYears"), number(values, "tier3MinPersons"),
                number(values, "minServiceYears"),
                QualificationClass.valueOf(String.valueOf(values.get("minQualificationClass")).strip()),
                number(values, "badRecordLookBackYears"),
                Arrays.stream(String.valueOf(values.get("seniorTitles")).split("[,，]"))
                        .map(String::strip).filter(title -> !title.isEmpty()).collect(Collectors.toSet()));
    }

    private static int number(Map<String, Object> values, String name) {
        Object value = values.get(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("DMN " + ServiceOrgFilingProcess.DECISION_KEY + " output " + name
                    + " is not a number: " + value);
        }
        return number.intValue();
    }
}
