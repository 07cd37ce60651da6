package org.anzexian.platform.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's service archive (N6.4): every step of a policy's service, hazards and claims, appended
 * in the transaction of the step itself and never changed. Each project's entries form a hash chain
 * (DESIGN.md §4): the entry hash covers the entry and the previous entry's hash.
 */
@Service
public class ServiceArchive {

    /** The previous hash of a project's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final ServiceArchiveRepository repository;
    private final Clock clock;

    ServiceArchive(ServiceArchiveRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Appends a step to its project's chain, inside the caller's transaction so that the step and its
     * record commit together. Appends to one project are serialized in the database (#11, finding 8):
     * the second waits for the first's transaction to end and then links to its entry, so concurrent
     * steps on one project are all recorded and none is refused; (project, seq) stays unique as a last
     * guard against a fork.
     *
     * @return the entry's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(ArchiveRecord record) {
        repository.lockChain(record.projectId());
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String content = content(record.subject(), record.subjectId(), record.event(), record.actor(), record.detail(),
                record.files(), at);
        if (repository.chainsInDatabase()) {
            return repository.insertAfterLast(record, at, content);
        }
        var last = repository.last(record.projectId());
        long seq = last.map(entry -> entry.seq() + 1).orElse(1L);
        String previousHash = last.map(ArchiveEntry::entryHash).orElse(GENESIS);
        return repository.insert(record.projectId(), seq, record, at, previousHash,
                hash(previousHash, record.projectId(), seq, content));
    }

    /** A project's entries in the order they were appended. */
    @Transactional(readOnly = true)
    public List<ArchiveEntry> entries(long projectId) {
        return repository.ofProject(projectId);
    }

    /** The entries about one record (a hazard, a claim …) in the order they were appended. */
    @Transactional(readOnly = true)
    public List<ArchiveEntry> entriesAbout(ArchiveSubject subject, long subjectId) {
        return repository.ofSubject(subject, subjectId);
    }

    /** The latest entries (at most {@code limit}) of steps a person took, newest first (我的事项, #14). */
    @Transactional(readOnly = true)
    public List<ArchiveEntry> entriesBy(String actor, int limit) {
        return repository.byActor(actor, limit);
    }

    /** Checks a project's chain as stored. */
    @Transactional(readOnly = true)
    public ArchiveVerification verify(long projectId) {
        return verify(repository.ofProject(projectId));
    }

    /** Checks a chain given in order: numbering, links and each entry's hash. */
    public static ArchiveVerification verify(List<ArchiveEntry> chain) {
        return verify(chain, ServiceArchive::hash);
    }

    /** Checks any hash chain given in order (a project's, an organization's): numbering, links and each entry's hash. */
    static <E extends HashChained> ArchiveVerification verify(List<E> chain, Function<E, String> hash) {
        String previousHash = GENESIS;
        long expectedSeq = 1;
        for (E entry : chain) {
            if (entry.seq() != expectedSeq) {
                return broken(chain, expectedSeq, "缺少第 " + expectedSeq + " 条记录 (entry missing)");
            }
            if (!entry.previousHash().equals(previousHash)) {
                return broken(chain, entry.seq(), "与前一条记录的哈希不衔接 (link to the previous entry broken)");
            }
            if (!hash.apply(entry).equals(entry.entryHash())) {
                return broken(chain, entry.seq(), "记录内容与哈希不符 (content does not match its hash)");
            }
            previousHash = entry.entryHash();
            expectedSeq++;
        }
        return new ArchiveVerification(true, chain.size(), null, null);
    }

    private static ArchiveVerification broken(List<?> chain, long seq, String reason) {
        return new ArchiveVerification(false, chain.size(), seq, reason);
    }

    static String hash(ArchiveEntry entry) {
        return hash(entry.previousHash(), entry.projectId(), entry.seq(), content(entry.subject(), entry.subjectId(),
                entry.event(), entry.actor(), entry.detail(), entry.files(), entry.recordedAt()));
    }

    /**
     * An entry's hash covers the previous entry's hash, the entry's place in the chain and its content, one per line.
     * {@link ServiceArchiveRepository#insertAfterLast} computes the same in PostgreSQL; {@link #verify} computes it here.
     */
    private static String hash(String previousHash, long projectId, long seq, String content) {
        return sha256(String.join("\n", previousHash, Long.toString(projectId), Long.toString(seq), content));
    }

    private static String content(ArchiveSubject subject, long subjectId, String event, String actor, String detail,
            List<String> files, OffsetDateTime at) {
        return String.join("\n", subject.name(), Long.toString(subjectId), event, actor, at.toInstant().toString(),
                String.join(" ", files), detail);
    }

    static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
