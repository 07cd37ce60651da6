package org.anzexian.filing.insurer;

import java.time.OffsetDateTime;

/**
 * A change of a filed insurer's licences (#11, N3.1, N3.3): who proposed it and when, the licences
 * before and after, and the city bureau's decision with who took it and why. The filing keeps its
 * licences until the change is approved.
 */
public record LicenseChange(
        long id,
        long filingId,
        Status status,
        String proposedBy,
        OffsetDateTime proposedAt,
        LicenseUpdate before,
        LicenseUpdate proposed,
        String decidedBy,
        OffsetDateTime decidedAt,
        String reason,
        OffsetDateTime appliedAt,
        String processInstanceId) {

    public enum Status {
        PENDING("待审核"), APPROVED("已准予变更"), REJECTED("不予变更");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
