package org.anzexian.supervision.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.platform.identity.PlatformGroups;
import org.springframework.stereotype.Component;

/**
 * The city bureau decides the measures for the organizations at the bottom (N9.2). A run's record is its
 * period, the business key being the period's end as {@code yyyyMMdd} ({@link #recordOf}).
 */
@Component
class AssessmentStepOwners implements StepOwnership {

    private static final DateTimeFormatter KEY = DateTimeFormatter.BASIC_ISO_DATE;

    static String recordOf(LocalDate periodEnd) {
        return periodEnd.format(KEY);
    }

    @Override
    public String processKey() {
        return PeriodicAssessmentProcess.KEY;
    }

    @Override
    public Set<String> ownerGroups(long periodEnd, String taskKey) {
        return PeriodicAssessmentProcess.TASK_DECIDE_MEASURES.equals(taskKey) && isDate(periodEnd)
                ? Set.of(PlatformGroups.CITY_BUREAU) : Set.of();
    }

    private static boolean isDate(long key) {
        try {
            LocalDate.parse(String.valueOf(key), KEY);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
