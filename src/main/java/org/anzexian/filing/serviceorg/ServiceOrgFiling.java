package org.anzexian.filing.serviceorg;

import java.time.OffsetDateTime;
import java.util.List;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;

/**
 * A filing as its organization and the city bureau see it: the data filed, where it stands, and
 * the checks of its latest round.
 */
public record ServiceOrgFiling(
        long id,
        long organizationId,
        FilingStatus status,
        String statusLabel,
        String filingNumber,
        int checkRound,
        List<CheckResult> checks,
        ServiceOrgFilingRequest data,
        String submittedBy,
        OffsetDateTime submittedAt,
        ReviewDecision reviewDecision,
        String reviewReason,
        String reviewedBy,
        OffsetDateTime filedAt,
        String processInstanceId) {

    public ServiceOrgFiling {
        checks = List.copyOf(checks);
    }
}
