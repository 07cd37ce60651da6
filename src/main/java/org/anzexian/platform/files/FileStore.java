package org.anzexian.platform.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files (licenses, reports, evidence) stored once per content and named by the SHA-256 of their
 * bytes (DESIGN.md §4): business records keep only the hash. Storing the same bytes again stores
 * nothing new; it only records the further uploader and its organizations.
 */
@Service
public class FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final List<Role> ORGANIZATION_ROLES = List.of(Role.INSURER, Role.SERVICE_ORG, Role.BUILDER,
            Role.PARTICIPANT);

    private final FileRepository repository;
    private final FileStoreProperties properties;
    private final UploadChecks checks;
    private final Map<String, RecordReadCheck> records = new ConcurrentHashMap<>();
    private final TransactionTemplate outsideTransaction;
    private final Clock clock;

    FileStore(FileRepository repository, FileStoreProperties properties, UploadChecks checks,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.checks = checks;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
    }

    /**
     * Stores the bytes unless a file with the same hash exists; either way returns the stored file and
     * records the uploader and its organizations, who may then read and attach it. Every door that
     * takes a file ({@code /api/files}, Tasklist forms through {@link FormUploads}) ends here.
     *
     * @throws org.anzexian.platform.web.InvalidRequestException empty or too large file, content not an
     *                                                           allowed type or not the declared one, name refused
     */
    @Transactional
    public StoredFile store(String fileName, String contentType, byte[] bytes, Actor uploader) {
        String name = fileName == null ? "" : fileName.strip();
        FieldViolations violations = new FieldViolations();
        if (bytes == null || bytes.length == 0) {
            violations.add(UploadChecks.FILE, "文件为空 (empty file)");
        } else if (bytes.length > properties.maxSize().toBytes()) {
            violations.add(UploadChecks.FILE, "文件过大，最大 " + properties.maxSize().toMegabytes()
                    + " MB (file too large, at most " + properties.maxSize() + ")");
        }
        violations.throwIfAny();
        String type = checks.checkContent(bytes, contentType, violations);
        checks.checkName(name, type, violations);
        violations.throwIfAny();
        String sha256 = sha256(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        StoredFile file = repository.find(sha256).orElseGet(() -> {
            StoredFile created = new StoredFile(sha256, name, type, bytes.length, uploader.userId(), now);
            repository.insert(created, bytes);
            return created;
        });
        repository.addUploader(sha256, uploader.userId(), now);
        organizationGroups(uploader).forEach(group -> repository.addOwner(sha256, group));
        return file;
    }

    public Optional<StoredFile> find(String sha256) {
        return isHash(sha256) ? repository.find(sha256) : Optional.empty();
    }

    public boolean exists(String sha256) {
        return find(sha256).isPresent();
    }

    /** The bytes of a stored file; no access check (callers that serve people use {@link #readableBy}). */
    public byte[] content(String sha256) {
        return (isHash(sha256) ? repository.content(sha256) : Optional.<byte[]>empty())
                .orElseThrow(() -> new NotFoundException("文件不存在 (no such file): " + sha256));
    }

    /**
     * The file, if the actor may read it: whoever uploaded these bytes and the members of the
     * organizations they uploaded them for, whoever may read a record the file is attached to (the
     * verifying service organization reads the construction unit's evidence), administrators and the
     * city bureau (which reviews every filing).
     *
     * @throws NotFoundException  no such file
     * @throws ForbiddenException the actor may not read it
     */
    public StoredFile readableBy(Actor actor, String sha256) {
        StoredFile file = find(sha256).orElseThrow(() -> new NotFoundException("文件不存在 (no such file): " + sha256));
        if (!mayRead(actor, sha256)) {
            throw new ForbiddenException("无权查看该文件 (not allowed to read this file)");
        }
        return file;
    }

    /**
     * The one check of every place where a record takes a stored file by its hash (#11): the file must
     * exist and the actor may read it already (see {@link #readableBy}), so that knowing another
     * organization's hash does not let anyone attach its licence to their own record and read it there.
     * Unknown and unreadable files get the same answer, which tells nothing about others' files: a
     * violation of {@code field}.
     */
    public void checkAttachable(Actor actor, String sha256, String field, FieldViolations violations) {
        if (!exists(sha256) || !mayRead(actor, sha256)) {
            violations.add(field, "文件不存在或不是本单位上传的，请先上传 (no such file among those you uploaded: upload it first): "
                    + sha256);
        }
    }

    /**
     * How a module tells whether an actor may read one of its records: it returns, or throws the
     * record's refusal ({@link NotFoundException}, {@link ForbiddenException}) — the read check its API
     * already uses.
     */
    @FunctionalInterface
    public interface RecordReadCheck {
        void requireReadable(Actor actor, long recordId);
    }

    /**
     * A module whose records take stored files (a hazard, a visit, a claim, a quotation) says here who
     * may read such a record: they may then read its files and attach them again (#11).
     */
    public void registerRecords(String recordType, RecordReadCheck check) {
        records.put(recordType, check);
    }

    /**
     * Records that a record now holds these files, so that its parties may read them (see
     * {@link #readableBy}); call it in the transaction that attaches them, after {@link #checkAttachable}.
     */
    @Transactional
    public void attached(String recordType, long recordId, Collection<String> sha256s) {
        if (!records.containsKey(recordType)) {
            throw new IllegalStateException("no read check registered for records of type " + recordType);
        }
        sha256s.stream().filter(FileStore::isHash).distinct()
                .forEach(sha256 -> repository.addAttachment(sha256, recordType, recordId));
    }

    private boolean mayRead(Actor actor, String sha256) {
        return actor.seesWholeCity() || repository.isUploader(sha256, actor.userId())
                || repository.owners(sha256).stream().anyMatch(actor::isMemberOf)
                || repository.attachments(sha256).stream().anyMatch(attachment -> mayReadRecord(actor, attachment));
    }

    /**
     * Asks the record's module, outside the caller's transaction: a refusal thrown inside it would mark
     * the caller's transaction for rollback even though this store only takes it as "no".
     */
    private boolean mayReadRecord(Actor actor, FileRepository.Attachment attachment) {
        RecordReadCheck check = records.get(attachment.recordType());
        return check != null && Boolean.TRUE.equals(outsideTransaction.execute(status -> {
            try {
                check.requireReadable(actor, attachment.recordId());
                return true;
            } catch (NotFoundException | ForbiddenException refused) {
                return false;
            }
        }));
    }

    /** The groups of the organizations (and county authorities) the actor acts for. */
    private static Set<String> organizationGroups(Actor actor) {
        Set<String> groups = new HashSet<>();
        for (Role role : ORGANIZATION_ROLES) {
            actor.organizationIds(role).forEach(id -> groups.add(PlatformGroups.organization(role, id)));
        }
        actor.countyCodes().forEach(code -> groups.add(PlatformGroups.county(code)));
        return groups;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static boolean isHash(String value) {
        return value != null && SHA256.matcher(value).matches();
    }
}
