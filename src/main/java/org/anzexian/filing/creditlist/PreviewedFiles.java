package org.anzexian.filing.creditlist;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files the bureau has previewed in this session, by the SHA-256 of their text (#14): "确认导入"
 * names the hash, so it can only apply a file that was previewed, unchanged, and not long ago.
 */
final class PreviewedFiles {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int KEPT_AT_MOST = 5;
    private static final String ATTRIBUTE = PreviewedFiles.class.getName();

    private record Kept(String csv, Instant at) implements Serializable {
    }

    private PreviewedFiles() {
    }

    /** Keeps the file; answers its hash. */
    static synchronized String keep(HttpSession session, String csv, Instant now) {
        Map<String, Kept> kept = kept(session);
        kept.values().removeIf(file -> file.at().plus(LIFETIME).isBefore(now));
        String hash = CreditListService.sha256(csv);
        kept.remove(hash);
        kept.put(hash, new Kept(csv, now));
        while (kept.size() > KEPT_AT_MOST) {
            kept.remove(kept.keySet().iterator().next());
        }
        session.setAttribute(ATTRIBUTE, kept);
        return hash;
    }

    /** The file with this hash, if it was previewed in this session less than {@link #LIFETIME} ago. */
    static synchronized Optional<String> find(HttpSession session, String hash, Instant now) {
        Kept file = kept(session).get(hash);
        if (file == null || file.at().plus(LIFETIME).isBefore(now) || !CreditListService.sha256(file.csv()).equals(hash)) {
            return Optional.empty();
        }
        return Optional.of(file.csv());
    }

    static synchronized void forget(HttpSession session, String hash) {
        Map<String, Kept> kept = kept(session);
        kept.remove(hash);
        session.setAttribute(ATTRIBUTE, kept);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Kept> kept(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof LinkedHashMap<?, ?> map ? (Map<String, Kept>) map : new LinkedHashMap<>();
    }
}
