package org.anzexian.service.visit;

import java.time.OffsetDateTime;

/**
 * A visit falling due, as its {@code preventionServiceVisit} instance needs it: the visit (the instance's
 * business key, never a variable), who works its tasks and when its timers fire.
 */
public record VisitDue(long visitId, String serviceOrgGroup, boolean regular, OffsetDateTime dueAt,
        OffsetDateTime reminderAt, OffsetDateTime missedAt) {
}
