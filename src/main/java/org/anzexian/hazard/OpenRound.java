package org.anzexian.hazard;

import java.time.OffsetDateTime;

/**
 * A rectification round as {@link HazardService#openRound} opened it: who works its tasks (groups from our
 * tables) and when its timers fire (DMN {@code hazardDeadline}). The process's adapter turns it into the
 * variables the model reads; the hazard itself stays the business key.
 */
public record OpenRound(int round, String builderGroup, String verifierGroup, String countyGroup,
        OffsetDateTime reminderAt, OffsetDateTime deadlineAt, OffsetDateTime cityEscalationAt, String verificationWithin) {
}
