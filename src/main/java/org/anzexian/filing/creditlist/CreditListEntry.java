package org.anzexian.filing.creditlist;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One listing of an organization, with the import batch that brought it in (who and when). */
public record CreditListEntry(
        long id,
        CreditListType type,
        String creditCode,
        String name,
        LocalDate listedOn,
        String reason,
        String source,
        long importBatchId,
        String importedBy,
        OffsetDateTime importedAt) {
}
