package org.anzexian.service.visit;

import java.time.OffsetDateTime;

/**
 * A visit falling due, as its {@code preventionServiceVisit} instance needs it: the visit (the instance's
 * business key, never a variable), who works its tasks, when its timers fire, and the line that tells
 * it apart in the task list ({@code caseSummary}: county · project · which visit, #12).
 */
public record VisitDue(long visitId, String serviceOrgGroup, boolean regular, OffsetDateTime dueAt,
        OffsetDateTime reminderAt, OffsetDateTime missedAt, String caseSummary) {
}
