package org.anzexian.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail templates: UTF-8 files {@code mail-templates/<key>.txt} on the classpath whose first line is
 * {@code Subject: …}, then a blank line, then the body; {@code ${name}} is replaced by the model's
 * value. A small renderer of our own: plain-text mail needs no template engine.
 */
@Component
class MailTemplates {

    private static final String FOLDER = "mail-templates/";
    private static final String SUBJECT_PREFIX = "Subject:";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    record RenderedMail(String subject, String body) {
    }

    private record Template(String subject, String body) {
    }

    /**
     * Renders a template; an unknown template or a missing value is a programming error of the
     * caller, reported as {@link IllegalArgumentException} naming it.
     */
    RenderedMail render(String key, Map<String, ?> model) {
        // a template is looked up on the classpath once: a storm of notices rendered it per notice (#15)
        Template cached = key == null ? null : cache.get(key);
        Template template = cached != null ? cached : cache.computeIfAbsent(requireKnownKey(key), this::load);
        String subject = fill(key, template.subject(), model);
        if (subject.contains("\n") || subject.contains("\r")) {
            // a line break in a header would let a value add headers of its own
            throw new IllegalArgumentException("邮件主题不能换行 (subject of template " + key + " contains a line break)");
        }
        return new RenderedMail(subject, fill(key, template.body(), model));
    }

    private String requireKnownKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || !new ClassPathResource(FOLDER + key + ".txt").exists()) {
            throw new IllegalArgumentException("未知的邮件模板 (unknown mail template): " + key);
        }
        return key;
    }

    private Template load(String key) {
        String text;
        try (InputStream in = new ClassPathResource(FOLDER + key + ".txt").getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + key, e);
        }
        int endOfSubject = text.indexOf('\n');
        String firstLine = endOfSubject < 0 ? text : text.substring(0, endOfSubject);
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalArgumentException("邮件模板 " + key + " 的第一行必须是 'Subject: …' (first line must be the subject)");
        }
        String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1);
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        return new Template(firstLine.substring(SUBJECT_PREFIX.length()).strip(), body.stripTrailing() + "\n");
    }

    private static String fill(String key, String text, Map<String, ?> model) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            Object value = model.get(name);
            if (value == null) {
                throw new IllegalArgumentException(
                        "邮件模板 " + key + " 缺少变量 (missing model variable): " + name);
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
