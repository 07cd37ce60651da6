package org.anzexian.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 429 with Retry-After in whole seconds, for every login door. */
final class TooManyLogins {

    private TooManyLogins() {
    }

    static void answer(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        JsonAnswers.write(response, 429, "登录失败次数过多，请 " + seconds + " 秒后再试 (too many failed logins, retry after "
                + seconds + " s)");
    }

    /** Answers a throttled Basic login with 429; any other failure as {@code otherwise} does. */
    static AuthenticationEntryPoint or(AuthenticationEntryPoint otherwise) {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                answer(response, throttled.retryAfter());
            } else {
                otherwise.commence(request, response, exception);
            }
        };
    }
}
