package org.anzexian.service.team;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anzexian.service-team.*}: how long the county authority has to follow up an overdue registration
 * (the due date of {@code UserTask_FollowUpOverdueRegistration}). The registration's own deadline is DMN
 * {@code registrationDeadline}.
 */
@ConfigurationProperties(prefix = "anzexian.service-team")
public record ServiceTeamProperties(Duration followUpWithin) {

    public ServiceTeamProperties {
        followUpWithin = followUpWithin == null ? Duration.ofDays(7) : followUpWithin;
    }
}
