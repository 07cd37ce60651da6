package org.anzexian.filing.serviceorg;

import java.util.Set;

/**
 * The numbers of N7.2–N7.5 as DMN {@code serviceOrgEligibility} gives them (N9.3: a process owner
 * changes them without a release).
 *
 * @param minServiceYears         N7.2: years of commissioned risk-management service without a qualification
 * @param minQualificationClass   N7.2: lowest supervision qualification class that suffices
 * @param badRecordLookBackYears  N7.3: how far back a list entry counts
 * @param seniorTitles            N7.5 tier 1: titles that count as senior
 */
public record EligibilityThresholds(
        int tier1MinYears, int tier1MinPersons,
        int tier2MinYears, int tier2MinPersons,
        int tier3MinYears, int tier3MinPersons,
        int minServiceYears,
        QualificationClass minQualificationClass,
        int badRecordLookBackYears,
        Set<String> seniorTitles) {

    public EligibilityThresholds {
        seniorTitles = Set.copyOf(seniorTitles);
    }
}
