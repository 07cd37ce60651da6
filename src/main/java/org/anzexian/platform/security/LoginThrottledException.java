package org.anzexian.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this source: answered 429 with Retry-After, the password is not checked. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("登录失败次数过多，请稍后再试 (too many failed logins, retry later)");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
