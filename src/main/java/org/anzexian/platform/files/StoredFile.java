package org.anzexian.platform.files;

import java.time.OffsetDateTime;

/** A file in the store, named by the SHA-256 of its bytes (lower-case hex); who uploaded it first and when. */
public record StoredFile(String sha256, String fileName, String contentType, long size, String uploadedBy,
        OffsetDateTime uploadedAt) {
}
