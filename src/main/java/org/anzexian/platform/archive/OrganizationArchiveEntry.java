package org.anzexian.platform.archive;

import java.time.OffsetDateTime;

/**
 * An entry of an organization's archive chain: what concerns an insurer or service organization as a whole
 * rather than one project, such as its published assessment and rank (N9.2).
 */
public record OrganizationArchiveEntry(long id, long organizationId, long seq, ArchiveSubject subject, long subjectId,
        String event, String actor, String detail, OffsetDateTime recordedAt, String previousHash, String entryHash)
        implements HashChained {
}
