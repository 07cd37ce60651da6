package org.anzexian.platform.files;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the file store ({@code anzexian.files.*}). The store checks {@code max-size} itself, for
 * uploads through {@code /api/files} and for files that arrive otherwise (an embedded Tasklist form,
 * DESIGN.md §7); {@code spring.servlet.multipart.*} in application.yaml is only a hard stop a little
 * above it.
 *
 * @param maxSize             largest file accepted
 * @param allowedContentTypes MIME types accepted (scans, photos, office documents)
 */
@ConfigurationProperties("anzexian.files")
record FileStoreProperties(
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue({"application/pdf", "image/jpeg", "image/png"}) List<String> allowedContentTypes) {

    FileStoreProperties {
        allowedContentTypes = List.copyOf(allowedContentTypes);
    }
}
