package org.anzexian.platform.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anzexian.platform.web.ReplayedRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Why a revision is deployed (#13): {@code POST /engine-rest/deployment/create} may carry a text part
 * {@code comment} (or {@code why}) beside the model files. The engine's REST layer would take any such
 * part for a resource, so it is taken out of the request here and kept for the request's thread, where
 * the revision record reads it ({@link ModelRevisionPlugin}). Camunda Modeler sends no such part: then
 * the deployment name it sends is the why.
 */
@Configuration
public class DeploymentComment {

    static final Set<String> PART_NAMES = Set.of("comment", "why");

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** The comment sent with the deployment this thread is making, if any. */
    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get()).map(String::strip).filter(text -> !text.isEmpty());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deploymentCommentFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> boundary = boundary(request);
                if (!"POST".equals(request.getMethod()) || boundary.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                Stripped stripped = strip(request.getInputStream().readAllBytes(), boundary.get());
                CURRENT.set(stripped.comment());
                try {
                    chain.doFilter(new ReplayedRequest(request, stripped.body()), response);
                } finally {
                    CURRENT.remove();
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/deployment/create");
        return registration;
    }

    private static Optional<String> boundary(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher boundary = BOUNDARY.matcher(type);
        return boundary.find() ? Optional.of(boundary.group(1)) : Optional.empty();
    }

    /** The body without the comment parts, and their text (the last one wins). */
    record Stripped(byte[] body, String comment) {
    }

    /**
     * Removes each text part named {@link #PART_NAMES} (without a file name) from a multipart body. A part
     * runs from its delimiter line to the next delimiter; cutting that span leaves a well-formed body.
     */
    static Stripped strip(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int at = indexOf(body, delimiter, 0); at >= 0; at = indexOf(body, delimiter, at + delimiter.length)) {
            if (at == 0 || (at >= 2 && body[at - 2] == CRLF[0] && body[at - 1] == CRLF[1])) {
                starts.add(at);
            }
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(body.length);
        String comment = null;
        int copiedUpTo = 0;
        for (int i = 0; i + 1 < starts.size(); i++) {
            int start = starts.get(i);
            int next = starts.get(i + 1);
            int headersStart = start + delimiter.length + CRLF.length;
            int headersEnd = indexOf(body, HEADERS_END, headersStart);
            if (headersEnd < 0 || headersEnd > next) {
                continue;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Matcher name = PART_NAME.matcher(headers);
            boolean commentPart = name.find() && PART_NAMES.contains(name.group(1))
                    && !headers.toLowerCase(Locale.ROOT).contains("filename=");
            if (commentPart) {
                int contentStart = headersEnd + HEADERS_END.length;
                comment = new String(body, contentStart, Math.max(0, next - CRLF.length - contentStart), StandardCharsets.UTF_8);
                kept.write(body, copiedUpTo, start - copiedUpTo);
                copiedUpTo = next;
            }
        }
        if (copiedUpTo == 0) {
            return new Stripped(body, null);
        }
        kept.write(body, copiedUpTo, body.length - copiedUpTo);
        return new Stripped(kept.toByteArray(), comment);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
