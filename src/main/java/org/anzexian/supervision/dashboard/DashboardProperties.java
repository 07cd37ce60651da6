package org.anzexian.supervision.dashboard;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anzexian.dashboard.*}: the period over which the dashboard computes the hazard closure rate and
 * the time to close (N8.9), ending now; 90 days unless configured (ISO 8601, e.g. {@code P90D}).
 */
@ConfigurationProperties(prefix = "anzexian.dashboard")
public record DashboardProperties(Period closurePeriod) {

    public DashboardProperties {
        closurePeriod = closurePeriod == null || closurePeriod.isNegative() || closurePeriod.isZero()
                ? Period.ofDays(90) : closurePeriod;
    }
}
