package org.anzexian.filing.serviceorg;

import java.time.OffsetDateTime;

/** An entry of the register of filed service organizations that insurers choose from. */
public record RegisteredServiceOrg(
        long organizationId,
        long filingId,
        String filingNumber,
        String name,
        String creditCode,
        String qualification,
        int teamSize,
        OffsetDateTime filedAt) {
}
