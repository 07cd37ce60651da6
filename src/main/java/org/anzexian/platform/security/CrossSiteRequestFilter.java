package org.anzexian.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses writes that another web site makes a browser send (#11 finding 2): a page elsewhere can
 * auto-submit a multipart form to {@code /engine-rest/deployment/create}, needing no preflight, and
 * the browser adds the Basic credentials it has cached. Such a request carries the foreign page's
 * {@code Origin} (or, in browsers without Origin on forms, {@code Sec-Fetch-Site} / {@code Referer}).
 * Clients that are no web page send none of these (curl, integrations) or {@code Origin: file://}
 * (Camunda Modeler deploys from its Electron window loaded from local files; a web page cannot
 * claim that origin). {@code Origin: null} — a sandboxed frame, a data: page — is refused.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;

    CrossSiteRequestFilter(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Cross-site {} {} refused (Origin {}, Sec-Fetch-Site {}, Referer {}) from {}", request.getMethod(),
                request.getRequestURI(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Referer"), request.getRemoteAddr());
        JsonAnswers.write(response, HttpServletResponse.SC_FORBIDDEN,
                "拒绝来自其他网站的请求：请直接在本系统或 Camunda Modeler 中操作 (cross-site request refused)");
    }

    private boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !isOwn(request, origin) && !allowedOrigins.contains(origin);
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
            return true;
        }
        String referer = request.getHeader("Referer");
        return referer != null && !isOwn(request, originOf(referer));
    }

    private static boolean isOwn(HttpServletRequest request, String origin) {
        int port = request.getServerPort();
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String own = scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        return own.equals(origin.toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host[:port]} of a URL, as a browser writes it in {@code Origin}. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
