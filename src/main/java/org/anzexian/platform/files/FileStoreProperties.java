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
 * @param allowedContentTypes MIME types accepted, as found in the bytes (scans, photos)
 * @param refusedExtensions   extensions refused inside a name ({@code scan.pdf.exe}, {@code a.html.pdf}):
 *                            programs, scripts and pages a viewer may run
 */
@ConfigurationProperties("anzexian.files")
record FileStoreProperties(
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue({"application/pdf", "image/jpeg", "image/png"}) List<String> allowedContentTypes,
        @DefaultValue({"exe", "com", "bat", "cmd", "scr", "msi", "dll", "pif", "cpl", "js", "jse", "mjs", "vbs", "vbe",
                "wsf", "hta", "ps1", "sh", "jar", "apk", "lnk", "reg", "html", "htm", "xhtml", "svg", "svgz", "xml",
                "php", "jsp", "asp", "aspx"}) List<String> refusedExtensions) {

    FileStoreProperties {
        allowedContentTypes = List.copyOf(allowedContentTypes);
        refusedExtensions = List.copyOf(refusedExtensions);
    }
}
