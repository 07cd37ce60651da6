package org.anzexian.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.anzexian.platform.engine.ConnectionLoss;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code /api} request that fails because the database cannot be reached (a restart, a failover, a pool
 * with no connection left) is answered 503 with {@code Retry-After} and our {@link ApiError} in Chinese, instead
 * of the container's bare 500 (#15, PostgreSQL restarted under load). It sits before the login check, since
 * checking a password needs the database too. Nothing of the request was stored: its transaction never
 * committed, so the client may simply send it again.
 */
@Configuration
class DatabaseUnavailableFilter {

    static final String MESSAGE = "数据库暂时不可用，本次请求未保存任何内容，请稍后重试 (database unavailable: nothing was saved, try again)";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** Before Spring Security's chain (-100), which checks passwords against the database. */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 10;

    /** Retry-After: as long as a job that lost its connection waits before it is tried again. */
    @Bean
    FilterRegistrationBean<Unavailable> databaseUnavailableFilterRegistration(ObjectMapper json,
            @Value("${anzexian.engine.connection-loss-retry-delay:PT5S}") Duration retryAfter) {
        FilterRegistrationBean<Unavailable> registration = new FilterRegistrationBean<>(new Unavailable(json, retryAfter));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }

    static final class Unavailable extends OncePerRequestFilter {

        private final ObjectMapper json;
        private final Duration retryAfter;

        Unavailable(ObjectMapper json, Duration retryAfter) {
            this.json = json;
            this.retryAfter = retryAfter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException failure) {
                if (!ConnectionLoss.in(failure) || response.isCommitted()) {
                    throw failure;
                }
                log.warn("{} {} failed, the database could not be reached: {}", request.getMethod(),
                        request.getRequestURI(), failure.toString());
                HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
                response.reset();
                response.setStatus(status.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                json.writeValue(response.getOutputStream(),
                        new ApiError(status.value(), status.getReasonPhrase(), MESSAGE, List.of()));
            }
        }
    }
}
