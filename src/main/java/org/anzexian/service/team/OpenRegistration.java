package org.anzexian.service.team;

import java.time.OffsetDateTime;

/**
 * A registration as {@link ServiceTeamRegistrationService#open} opened it: who works its tasks (groups
 * from our tables) and when its timers fire (DMN {@code registrationDeadline}). The process's adapter turns
 * it into the variables the model reads; the policy itself stays the business key. {@code caseSummary}:
 * county · project · policy number, for the task list (#12).
 */
public record OpenRegistration(String insurerGroup, String countyGroup, OffsetDateTime firstReminderAt,
        OffsetDateTime secondReminderAt, OffsetDateTime deadlineAt, String caseSummary) {
}
