package org.anzexian.filing.insurer;

/**
 * A file of the file store is referenced by its SHA-256 as 64 lower-case hex characters; the
 * service checks that a well-formed reference names a stored file.
 */
final class FileHash {

    static final String PATTERN = "[0-9a-f]{64}";
    static final String MESSAGE = "文件须以 SHA-256 引用：64 位小写十六进制 (file reference must be a SHA-256: 64 lower-case hex characters)";

    private FileHash() {
    }

    static boolean isValid(String hash) {
        return hash != null && hash.matches(PATTERN);
    }
}
