package org.anzexian.filing.creditlist;

import java.util.Set;

/**
 * Published synchronously inside the import's transaction, so that whoever keeps filings (insurers,
 * service organizations) suspends the newly listed ones in the same commit as the import.
 */
public record CreditListImported(long batchId, Set<String> newlyListedCreditCodes) {

    public CreditListImported {
        newlyListedCreditCodes = Set.copyOf(newlyListedCreditCodes);
    }
}
