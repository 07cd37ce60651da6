package org.anzexian.filing.insurer;

import java.time.OffsetDateTime;
import java.util.List;
import org.anzexian.filing.FilingStatus;

/** An insurer filing with the checks of its latest round and the bureau's decisions. */
public record InsurerFiling(
        long id,
        long insurerOrgId,
        FilingStatus status,
        String filingNumber,
        String branchName,
        String branchCreditCode,
        InsurerFilingData data,
        int round,
        String submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime filedAt,
        OffsetDateTime suspendedAt,
        String suspensionReason,
        String processInstanceId,
        List<CheckResult> checks,
        List<FilingDecision> decisions) {

    /** The company whose one city branch this is (N4.1): the parent, or the filer itself as head office. */
    public String companyCreditCode() {
        return data.parentCreditCode() != null ? data.parentCreditCode() : branchCreditCode;
    }

    InsurerFiling withChecksAndDecisions(List<CheckResult> checks, List<FilingDecision> decisions) {
        return new InsurerFiling(id, insurerOrgId, status, filingNumber, branchName, branchCreditCode, data, round,
                submittedBy, submittedAt, updatedAt, filedAt, suspendedAt, suspensionReason, processInstanceId,
                List.copyOf(checks), List.copyOf(decisions));
    }
}
