package org.anzexian.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * One filter chain per area (DESIGN.md §7). Paths are matched with path patterns because
 * {@code /engine-rest} (Jersey) and the webapps are not served by Spring MVC's dispatcher.
 */
@Configuration
class SecurityConfiguration {

    /** The Camunda webapps authenticate and protect themselves (their own session and CSRF token). */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Camunda's REST API is open by default; here it answers only to Camunda users (Modeler deploys). */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService) throws Exception {
        return http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("anzexian"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                // CSRF for session callers is checked by the webapp-session filter with the webapps' token
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new WebappSessionAuthenticationFilter(engine.getName()), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /** Health, info, the API docs and the redirect to the webapps; everything else is closed. */
    @Bean
    @Order(4)
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
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
