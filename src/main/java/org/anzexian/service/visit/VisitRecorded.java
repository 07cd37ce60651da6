package org.anzexian.service.visit;

import java.time.OffsetDateTime;

/** What a visit record decides for the process: the outcome (routes it) and, for a visit, when the report is late. */
public record VisitRecorded(VisitOutcome outcome, OffsetDateTime reportDueAt) {
}
