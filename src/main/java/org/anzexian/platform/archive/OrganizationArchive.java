package org.anzexian.platform.archive;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations' archive: what is not about one project — a published ranking (N9.2) — kept like the
 * projects' service archive (N6.4, DESIGN.md §4): append-only (a database trigger refuses UPDATE and DELETE),
 * one hash chain per organization, each entry's hash covering its content and the previous entry's hash.
 */
@Service
public class OrganizationArchive {

    private final OrganizationArchiveRepository repository;
    private final Clock clock;

    OrganizationArchive(OrganizationArchiveRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Appends an event about a record to the organization's chain, in the caller's transaction, unless that
     * record's event is archived already (a retried job archives nothing twice). Appends to one organization
     * wait for each other on every node, like a project's (the organization's row stands for its chain's head).
     *
     * @return whether an entry was appended
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean appendOnce(long organizationId, ArchiveSubject subject, long subjectId, String event, String actor,
            String detail) {
        repository.lockChain(organizationId);
        if (repository.exists(subject, subjectId, event)) {
            return false;
        }
        var last = repository.last(organizationId);
        long seq = last.map(entry -> entry.seq() + 1).orElse(1L);
        String previousHash = last.map(OrganizationArchiveEntry::entryHash).orElse(ServiceArchive.GENESIS);
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        OrganizationArchiveEntry entry = new OrganizationArchiveEntry(0, organizationId, seq, subject, subjectId, event,
                actor, detail == null ? "" : detail, at, previousHash, null);
        repository.insert(entry, hash(entry));
        return true;
    }

    /** An organization's entries in the order they were appended. */
    @Transactional(readOnly = true)
    public List<OrganizationArchiveEntry> entries(long organizationId) {
        return repository.ofOrganization(organizationId);
    }

    /** Checks an organization's chain as stored. */
    @Transactional(readOnly = true)
    public ArchiveVerification verify(long organizationId) {
        return verify(repository.ofOrganization(organizationId));
    }

    /** Checks a chain given in order: numbering, links and each entry's hash. */
    public static ArchiveVerification verify(List<OrganizationArchiveEntry> chain) {
        return ServiceArchive.verify(chain, OrganizationArchive::hash);
    }

    static String hash(OrganizationArchiveEntry entry) {
        return ServiceArchive.sha256(String.join("\n", entry.previousHash(), "organization:" + entry.organizationId(),
                Long.toString(entry.seq()), entry.subject().name(), Long.toString(entry.subjectId()), entry.event(),
                entry.actor(), entry.recordedAt().toInstant().toString(), entry.detail()));
    }
}
