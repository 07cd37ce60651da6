package org.anzexian.filing.insurer;

import java.time.OffsetDateTime;
import org.anzexian.filing.FilingStatus;

/** A filed (or suspended) insurer in the public register (N2.1: builders choose among the filed ones). */
public record InsurerRegisterEntry(
        long organizationId,
        long filingId,
        String filingNumber,
        String name,
        String creditCode,
        String parentName,
        String parentCreditCode,
        String claimsLinePhone,
        FilingStatus status,
        OffsetDateTime filedAt) {

    static InsurerRegisterEntry of(InsurerFiling filing) {
        return new InsurerRegisterEntry(filing.insurerOrgId(), filing.id(), filing.filingNumber(), filing.branchName(),
                filing.branchCreditCode(), filing.data().parentName(), filing.data().parentCreditCode(),
                filing.data().claimsService().claimsLinePhone(), filing.status(), filing.filedAt());
    }
}
