package org.anzexian.hazard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anzexian.hazard.*}: how long the city bureau has to supervise a hazard escalated to it (the due
 * date of {@code UserTask_CitySupervision}). The rectification dates are DMN {@code hazardDeadline}.
 */
@ConfigurationProperties(prefix = "anzexian.hazard")
public record HazardProperties(Duration citySupervisionWithin) {

    public HazardProperties {
        citySupervisionWithin = citySupervisionWithin == null ? Duration.ofDays(5) : citySupervisionWithin;
    }
}
