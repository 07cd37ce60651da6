package org.anzexian.platform.files;

import java.util.List;
import java.util.Locale;
import org.anzexian.platform.web.FieldViolations;
import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * What an upload must be before it is stored (#11): its type is read from its bytes (Apache Tika's
 * magic numbers, not the name nor the client's word), must be an allowed one and the one declared; its
 * name is one a person sees as it is — no control or bidirectional-override characters (an RLO turns
 * {@code gpj.exe} into {@code exe.jpg} on screen), no path, no executable inner extension
 * ({@code scan.pdf.exe}, {@code a.js.pdf}) and an extension of the type found.
 */
@Component
class UploadChecks {

    static final String FILE = "file";
    static final String FILE_NAME = "fileName";

    private static final int MAX_FILE_NAME = 255;

    /** Magic detection only: a detector given the name would trust {@code x.png} for bytes it cannot tell. */
    private final Tika tika = new Tika();
    private final FileStoreProperties properties;

    UploadChecks(FileStoreProperties properties) {
        this.properties = properties;
    }

    /** The type found in the bytes, after the violations of content and declared type are added. */
    String checkContent(byte[] bytes, String declaredType, FieldViolations violations) {
        String detected = tika.detect(bytes);
        String declared = declaredType == null ? "" : declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String allowed = String.join(", ", properties.allowedContentTypes());
        if (!properties.allowedContentTypes().contains(detected)) {
            violations.add(FILE, "不支持的文件类型：文件内容为 " + detected + "，允许：" + allowed
                    + " (content type not allowed: the bytes are " + detected + ")");
        } else if (!detected.equals(declared)) {
            violations.add(FILE, "文件内容（" + detected + "）与声明的类型（" + declared + "）不符 (the bytes are "
                    + detected + ", not the declared " + declared + ")");
        }
        return detected;
    }

    /**
     * Adds the violations of the name; its extension must be one of {@code detectedType}, if that is an
     * allowed type (a refused type needs no advice on how to name it).
     */
    void checkName(String name, String detectedType, FieldViolations violations) {
        if (name.isEmpty()) {
            violations.add(FILE_NAME, "必须有文件名 (file name required)");
            return;
        }
        if (name.length() > MAX_FILE_NAME) {
            violations.add(FILE_NAME, "文件名最多 " + MAX_FILE_NAME + " 个字符 (file name too long)");
        }
        if (name.codePoints().anyMatch(UploadChecks::hidden)) {
            violations.add(FILE_NAME, "文件名含控制字符或文字方向控制符 (control or bidirectional characters in the name)");
        }
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            violations.add(FILE_NAME, "文件名不能含路径或以点开头 (no path, no leading dot)");
        }
        String[] parts = name.toLowerCase(Locale.ROOT).split("\\.", -1);
        for (int i = 1; i < parts.length - 1; i++) {
            if (properties.refusedExtensions().contains(parts[i].strip())) {
                violations.add(FILE_NAME, "文件名含可执行的扩展名 ." + parts[i] + " (executable extension inside the name)");
            }
        }
        List<String> extensions = properties.allowedContentTypes().contains(detectedType) ? extensionsOf(detectedType)
                : List.of();
        String extension = parts.length > 1 ? "." + parts[parts.length - 1] : "";
        if (!extensions.isEmpty() && !extensions.contains(extension)) {
            violations.add(FILE_NAME, "扩展名与文件内容不符，应为 " + String.join("、", extensions)
                    + " (the extension does not match the content)");
        }
    }

    private static List<String> extensionsOf(String type) {
        try {
            return MimeTypes.getDefaultMimeTypes().forName(type).getExtensions();
        } catch (MimeTypeException e) {
            return List.of();
        }
    }

    /** Characters that change how a name reads without showing: controls and Unicode format characters. */
    private static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
