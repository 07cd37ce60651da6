package org.anzexian.filing.gate;

import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.platform.web.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * The gate of N5.2: every flow calls it before an insurer may quote, underwrite or be chosen. An
 * insurer that never filed, whose filing is not (yet) approved, or whose filing is suspended, is
 * refused.
 */
@Service
public class InsurerGate {

    public static final String REFUSAL = "该保险机构未在忻州市住建局备案（或备案已暂停），不得开展安责险业务"
            + " (insurer not filed or suspended, N5.2)";

    private final InsurerFilingService filings;

    InsurerGate(InsurerFilingService filings) {
        this.filings = filings;
    }

    public boolean isFiled(long insurerOrgId) {
        return filings.isFiled(insurerOrgId);
    }

    /** Suspends the insurer's filing on a decision of the city bureau (N9.2); see {@link InsurerFilingService#suspendByDecision}. */
    public boolean suspend(long insurerOrgId, String reason) {
        return filings.suspendByDecision(insurerOrgId, reason);
    }

    /** @throws ForbiddenException (HTTP 403 in {@code /api}) when the insurer may not do business */
    public void requireFiled(long insurerOrgId) {
        if (!isFiled(insurerOrgId)) {
            throw new ForbiddenException(REFUSAL + ": " + insurerOrgId);
        }
    }
}
