package org.anzexian.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged into the Tasklist call {@code /api} with the same session (embedded forms
 * upload files and read records that way). Unsafe methods must carry the webapps' CSRF token, as
 * the webapps' own API demands, so another site cannot ride on the session.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String engineName;
    private final boolean webappCsrfToken;

    /**
     * @param webappCsrfToken whether unsafe methods must carry the webapps' CSRF token; the portal's forms
     *     carry Spring Security's token instead, checked by its own chain
     */
    WebappSessionAuthenticationFilter(String engineName, boolean webappCsrfToken) {
        this.engineName = engineName;
        this.webappCsrfToken = webappCsrfToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        UserAuthentication user = session == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                ? null
                : webappUser(session, engineName);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        if (webappCsrfToken && !SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"status\":403,\"error\":\"缺少或错误的 X-XSRF-TOKEN (CSRF token required)\"}");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                user.getIdentityId(), null,
                user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList()));
        chain.doFilter(request, response);
    }

    static UserAuthentication webappUser(HttpSession session, String engineName) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null
                ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        return authentication instanceof UserAuthentication user ? user : null;
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return expected != null
                && Objects.equals(expected.toString(), request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
    }
}
