package org.anzexian.underwriting;

import java.time.LocalDate;

/** Optional criteria of the underwriting ledger; the period bounds are issue days, both inclusive. */
public record LedgerFilter(Long insurerOrgId, String jurisdictionCode, LocalDate issuedFrom, LocalDate issuedTo,
        PolicyStatus status) {
}
