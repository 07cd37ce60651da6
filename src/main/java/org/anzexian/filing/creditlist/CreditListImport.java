package org.anzexian.filing.creditlist;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The outcome of one CSV import: {@code imported} new entries, {@code alreadyListed} rows that were
 * known already (same list, credit code and date) and so skipped.
 */
public record CreditListImport(
        long batchId,
        int rows,
        int imported,
        int alreadyListed,
        Map<CreditListType, Integer> importedByType,
        String importedBy,
        OffsetDateTime importedAt) {
}
