package org.anzexian.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One filter chain per area (DESIGN.md §7). Paths are matched with path patterns because
 * {@code /engine-rest} (Jersey) and the webapps are not served by Spring MVC's dispatcher.
 */
@Configuration
class SecurityConfiguration {

    private final CrossSiteRequestFilter crossSite;

    SecurityConfiguration(SecurityProperties properties, @Value("${anzexian.base-url:}") String baseUrl) {
        List<String> origins = new ArrayList<>(properties.allowedOrigins());
        if (!baseUrl.isBlank()) {
            origins.add(CrossSiteRequestFilter.originOf(baseUrl));
        }
        this.crossSite = new CrossSiteRequestFilter(origins);
    }

    /**
     * The Camunda webapps authenticate and protect themselves (their own session and CSRF token); their
     * login form is throttled like HTTP Basic (#11 finding 3).
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http.securityMatcher(withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(withDefaults().matcher("/camunda/api/engine/engine/{engine}/identity/verify"))
                        .denyAll()
                        .anyRequest().permitAll())
                .addFilterBefore(new WebappLoginThrottleFilter(throttle), AuthorizationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Camunda's REST API is open by default; here it answers only to Camunda users (Modeler deploys),
     * never to a write another web site makes the browser send (#11 finding 2). Checking any user's
     * password ({@code identity/verify}) is closed: it would be a guessing door beside the throttle.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService) throws Exception {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("anzexian");
        return http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(withDefaults().matcher("/engine-rest/identity/verify")).denyAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(TooManyLogins.or(challenge)))
                .addFilterBefore(crossSite, BasicAuthenticationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(SecurityConfiguration::stateless)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Our JSON API: HTTP Basic, or the session of a user logged into the webapps; 401 without a
     * login dialog, so browsers and integrations get a clear answer.
     */
    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, IdentityService identityService, ProcessEngine engine)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"status\":401,\"error\":\"未登录或密码错误 (authentication required)\"}");
        };
        return http.securityMatcher(withDefaults().matcher("/api/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(TooManyLogins.or(unauthorized)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                // CSRF for session callers is checked by the webapp-session filter with the webapps' token
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(SecurityConfiguration::stateless)
                .addFilterBefore(new WebappSessionAuthenticationFilter(engine.getName(), true), BasicAuthenticationFilter.class)
                .addFilterBefore(crossSite, WebappSessionAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * The chains outside the webapps keep no session and log no one in: each request brings its own
     * credentials (HTTP Basic, or the webapps' login read from their session). Spring Security would still
     * take every authenticated request for a fresh login and, against session fixation, change the id of
     * the session the request came with: every {@code /api} call of a Tasklist form renewed the Tasklist's
     * session cookie, and of two calls at once the second carried a dead id, so the Tasklist logged the
     * user out (#12). Session fixation is the login's business, and Camunda's login renews the session.
     */
    private static void stateless(SessionManagementConfigurer<HttpSecurity> session) {
        session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .sessionFixation(fixation -> fixation.none());
    }

    /**
     * The portal (DESIGN.md §5) shares the webapps' login: one session serves the Tasklist and the portal.
     * Its pages are rendered here, so its forms carry Spring Security's CSRF token; a visitor without a
     * login is sent to the portal's login page.
     */
    @Bean
    @Order(4)
    SecurityFilterChain portal(HttpSecurity http, IdentityService identityService, ProcessEngine engine)
            throws Exception {
        return http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/portal/**"), withDefaults().matcher("/webjars/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(withDefaults().matcher("/portal/login"),
                                withDefaults().matcher("/portal/assets/**"),
                                withDefaults().matcher("/webjars/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new PortalLoginEntryPoint()))
                .sessionManagement(SecurityConfiguration::stateless)
                // the user comes from the webapps' session on every request, which Spring counts as a new
                // authentication: the default strategy would then replace the CSRF token on each request, even
                // the stylesheet's, and the form on the page would carry a stale one (403 in a real browser)
                .csrf(csrf -> csrf.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new WebappSessionAuthenticationFilter(engine.getName(), false),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /** Health, info, the API docs and the redirect to the webapps; everything else is closed. */
    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(withDefaults().matcher("/actuator/health/**"),
                                withDefaults().matcher("/actuator/health"),
                                withDefaults().matcher("/actuator/info"),
                                withDefaults().matcher("/v3/api-docs/**"),
                                withDefaults().matcher("/swagger-ui/**"),
                                withDefaults().matcher("/swagger-ui.html"),
                                withDefaults().matcher("/"),
                                withDefaults().matcher("/error"))
                        .permitAll()
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(SecurityConfiguration::stateless)
                .build();
    }
}
