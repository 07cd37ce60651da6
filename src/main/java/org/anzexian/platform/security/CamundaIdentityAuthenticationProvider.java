package org.anzexian.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity service: the same users and passwords as the Tasklist.
 * The granted authorities are the user's Camunda group ids. A source that failed too often is
 * refused before the password is checked ({@link LoginThrottle}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SystemAuthority system;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, SystemAuthority system,
            LoginThrottle throttle) {
        this.identityService = identityService;
        this.system = system;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        String source = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        Optional<Duration> wait = throttle.waitBefore(source, userId);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        boolean valid = system.call(() -> identityService.checkPassword(userId, credentials.toString()));
        if (!valid) {
            throttle.failed(source, userId, LoginFailure.BASIC);
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        throttle.succeeded(source, userId);
        return new UsernamePasswordAuthenticationToken(userId, null, groupAuthorities(userId));
    }

    private List<SimpleGrantedAuthority> groupAuthorities(String userId) {
        return system.call(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
