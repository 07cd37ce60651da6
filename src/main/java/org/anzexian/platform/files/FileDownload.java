package org.anzexian.platform.files;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a stored file is answered over HTTP: its type, its name for saving (RFC 5987
 * {@code filename*}, always as an attachment), its hash as ETag, and no sniffing by the browser.
 */
public final class FileDownload {

    private FileDownload() {
    }

    public static ResponseEntity<byte[]> of(StoredFile file, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
