package org.anzexian.supervision.assessment;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anzexian.assessment.*} (N9.2): when the periodic assessment runs (a Camunda time cycle), the
 * period it covers (ending on the first day of the month it runs in), and after how many periods in a row
 * at the bottom of its ranking an organization goes to the city bureau for measures. Weights and grades
 * are DMN {@code assessmentScore}.
 */
@ConfigurationProperties(prefix = "anzexian.assessment")
public record AssessmentProperties(String cycle, Period period, int bottomPeriods) {

    public AssessmentProperties {
        cycle = cycle == null || cycle.isBlank() ? "0 0 2 1 1,4,7,10 ?" : cycle;
        period = period == null ? Period.ofMonths(3) : period;
        bottomPeriods = bottomPeriods <= 0 ? 2 : bottomPeriods;
    }
}
