package org.anzexian.underwriting;

import java.util.List;

/** The stored request: whether it is a conversion (N1.2) and one quotation per insurer. */
public record QuotationRequestResult(long requestId, long projectId, boolean conversion, List<Quotation> quotations) {

    public QuotationRequestResult {
        quotations = List.copyOf(quotations);
    }
}
