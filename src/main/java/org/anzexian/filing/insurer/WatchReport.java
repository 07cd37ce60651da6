package org.anzexian.filing.insurer;

import java.util.List;

/** What one run of the expiry watch did: filings suspended, reminders written. */
public record WatchReport(List<Long> suspendedFilingIds, int remindersWritten) {
}
