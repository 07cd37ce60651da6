package org.anzexian.platform.access;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: the API's access checks use the same Camunda identity as the engine. */
@Component
public class CurrentActor {

    /** The logged-in user; the security chain guarantees one on every {@code /api} request. */
    public Actor require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new NotAuthenticatedException();
        }
        Set<String> groups = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            groups.add(authority.getAuthority());
        }
        return new Actor(authentication.getName(), groups);
    }

    public static class NotAuthenticatedException extends RuntimeException {
        public NotAuthenticatedException() {
            super("登录后才能访问 (login required)");
        }
    }
}
