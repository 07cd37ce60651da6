package org.anzexian.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) goes
 * through the {@link LoginThrottle} like HTTP Basic: a throttled source gets 429 and its password
 * is not checked; the webapp's answer (401 or 200) counts as a failure or a success. The form is
 * read here and handed on unread, as the webapp's resource reads its body itself.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final LoginThrottle throttle;

    WebappLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginForm form = LoginForm.read(request);
        String source = request.getRemoteAddr();
        String userId = form.username();
        Optional<Duration> wait = throttle.waitBefore(source, userId);
        if (wait.isPresent()) {
            TooManyLogins.answer(response, wait.get());
            return;
        }
        chain.doFilter(form, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(source, userId, LoginFailure.WEBAPP);
        } else if (response.getStatus() < 300) {
            throttle.succeeded(source, userId);
        }
    }
}
