package org.anzexian.service.visit;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anzexian.visit.*}: the grace after a visit's due date before it counts as missed, the time
 * a report may take after the visit (N8.8), how soon a requested visit is due, and when and over
 * which period the county digest (N8.5) is sent. The visit interval itself is DMN {@code visitFrequency}.
 */
@ConfigurationProperties(prefix = "anzexian.visit")
public record VisitProperties(Duration grace, Duration reportWithin, Duration extraVisitWithin, String digestCycle,
        Period digestPeriod) {

    public VisitProperties {
        grace = grace == null ? Duration.ofDays(3) : grace;
        reportWithin = reportWithin == null ? Duration.ofHours(48) : reportWithin;
        extraVisitWithin = extraVisitWithin == null ? Duration.ofDays(3) : extraVisitWithin;
        digestCycle = digestCycle == null || digestCycle.isBlank() ? "0 0 7 ? * MON" : digestCycle;
        digestPeriod = digestPeriod == null ? Period.ofDays(7) : digestPeriod;
    }
}
