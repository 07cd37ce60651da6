package org.anzexian.underwriting;

import java.time.LocalDate;

/**
 * Optional criteria of the underwriting ledger; the period bounds are issue days, both inclusive;
 * {@code project} matches a project's code exactly or its name in part (the portal's policy register, #14).
 */
public record LedgerFilter(Long insurerOrgId, String jurisdictionCode, LocalDate issuedFrom, LocalDate issuedTo,
        PolicyStatus status, String project) {

    public LedgerFilter(Long insurerOrgId, String jurisdictionCode, LocalDate issuedFrom, LocalDate issuedTo,
            PolicyStatus status) {
        this(insurerOrgId, jurisdictionCode, issuedFrom, issuedTo, status, null);
    }
}
