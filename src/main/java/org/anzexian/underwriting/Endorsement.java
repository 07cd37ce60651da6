package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An endorsement (批改) of a policy whose construction contract grew after issue (N1.1): the policy's
 * terms before, the contract's terms it brings the policy to, the additional premium (N4.3) and the
 * phases it brings under the policy. The endorsement number is set when it is issued.
 */
public record Endorsement(
        long id,
        String endorsementNumber,
        long policyId,
        long contractId,
        EndorsementStatus status,
        BigDecimal oldContractAmount,
        BigDecimal newContractAmount,
        LocalDate oldPolicyStart,
        LocalDate oldPolicyEnd,
        LocalDate newPolicyStart,
        LocalDate newPolicyEnd,
        BigDecimal premiumRatePermille,
        BigDecimal additionalPremium,
        List<Long> phaseProjectIds,
        OffsetDateTime requiredAt,
        OffsetDateTime premiumReceivedAt,
        OffsetDateTime issuedAt) {

    public Endorsement {
        phaseProjectIds = List.copyOf(phaseProjectIds);
    }

    public boolean amountGrew() {
        return newContractAmount.compareTo(oldContractAmount) > 0;
    }
}
