package org.anzexian.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Small files of real types for tests, made here (the store reads the type from the bytes, #11). */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A PDF header and trailer around the text, which makes the bytes unique per text. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A 2×2 PNG whose pixels differ per call. */
    public static byte[] png() {
        return image("png");
    }

    /** A 2×2 JPEG whose pixels differ per call. */
    public static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, UUID.randomUUID().hashCode() & 0xFFFFFF);
        image.setRGB(1, 1, UUID.randomUUID().hashCode() & 0xFFFFFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
