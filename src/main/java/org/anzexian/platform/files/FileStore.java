package org.anzexian.platform.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files (licenses, reports, evidence) stored once per content and named by the SHA-256 of their
 * bytes (DESIGN.md §4): business records keep only the hash. Storing the same bytes again stores
 * nothing new; it only records the further uploader.
 */
@Service
public class FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FILE_NAME = 255;

    private final FileRepository repository;
    private final FileStoreProperties properties;
    private final Clock clock;

    FileStore(FileRepository repository, FileStoreProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the bytes unless a file with the same hash exists; either way returns the stored file.
     *
     * @throws org.anzexian.platform.web.InvalidRequestException empty or too large file, content type
     *                                                           not allowed, no file name
     */
    @Transactional
    public StoredFile store(String fileName, String contentType, byte[] bytes, String uploadedBy) {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.strip();
        FieldViolations violations = new FieldViolations();
        if (bytes == null || bytes.length == 0) {
            violations.add("file", "文件为空 (empty file)");
        } else if (bytes.length > properties.maxSize().toBytes()) {
            violations.add("file", "文件过大，最大 " + properties.maxSize().toMegabytes() + " MB (file too large, at most "
                    + properties.maxSize() + ")");
        }
        if (!properties.allowedContentTypes().contains(type)) {
            violations.add("file", "不支持的文件类型 " + type + "，允许：" + String.join(", ", properties.allowedContentTypes())
                    + " (content type not allowed)");
        }
        if (name.isEmpty()) {
            violations.add("fileName", "必须有文件名 (file name required)");
        }
        if (uploadedBy == null || uploadedBy.isBlank()) {
            throw new IllegalArgumentException("a stored file needs its uploader");
        }
        violations.throwIfAny();
        String sha256 = sha256(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        StoredFile file = repository.find(sha256).orElseGet(() -> {
            StoredFile created = new StoredFile(sha256, truncate(name), type, bytes.length, uploadedBy, now);
            repository.insert(created, bytes);
            return created;
        });
        repository.addUploader(sha256, uploadedBy, now);
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
     * The file, if the actor may read it. Today's rule: whoever uploaded these bytes, administrators
     * and the city bureau (which reviews every filing). Later flows widen it (e.g. an insurer reading
     * its service organization's visit photos) — add those cases here, nowhere else.
     *
     * @throws NotFoundException  no such file
     * @throws ForbiddenException the actor may not read it
     */
    public StoredFile readableBy(Actor actor, String sha256) {
        StoredFile file = find(sha256).orElseThrow(() -> new NotFoundException("文件不存在 (no such file): " + sha256));
        if (!actor.seesWholeCity() && !repository.isUploader(sha256, actor.userId())) {
            throw new ForbiddenException("无权查看该文件 (not allowed to read this file)");
        }
        return file;
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

    /** Keeps the end of an over-long name, where the extension is. */
    private static String truncate(String name) {
        return name.length() <= MAX_FILE_NAME ? name : name.substring(name.length() - MAX_FILE_NAME);
    }
}
