package org.anzexian.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.engine.CommitInDoubt;
import org.anzexian.platform.engine.ConnectionLoss;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An {@code /api} request that fails because the database cannot be reached (a restart, a failover, a pool
 * with no connection left) is answered 503 with {@code Retry-After} and our {@link ApiError} in Chinese, instead
 * of the container's bare 500 (#15, PostgreSQL restarted under load). It sits before the login check, since
 * checking a password needs the database too. Nothing of the request was stored: its transaction never
 * committed, so the client may simply send it again. Except when the connection broke during the commit
 * ({@link CommitInDoubt}): then the answer says that the request may have been saved, and to look before sending
 * it again. Failures of a controller are answered the same way before Spring MVC's own resolvers see them
 * ({@link #databaseUnavailableResolver}).
 */
@Configuration
class DatabaseUnavailableFilter {

    static final String MESSAGE = "数据库暂时不可用，本次请求未保存任何内容，请稍后重试 (database unavailable: nothing was saved, try again)";
    /** The connection broke during the commit: saved or not, nobody can tell here; sending it again might repeat it. */
    static final String IN_DOUBT_MESSAGE = "数据库在保存时断开，无法确认本次请求是否已保存：请稍后先查看（例如列表中是否已有这条记录）再决定是否重新提交"
            + " (the database went away while saving: the request may have been saved; check before you send it again)";

    /** A portal page's answer: the frame's header needs the user, whom the database would have to name. */
    static final String UNAVAILABLE_PAGE = "portal/unavailable";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** Before Spring Security's chain (-100), which checks passwords against the database. */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 10;

    /** Retry-After: as long as a job that lost its connection waits before it is tried again. */
    @Bean
    Answer databaseUnavailableAnswer(ObjectMapper json,
            @Value("${anzexian.engine.connection-loss-retry-delay:PT5S}") Duration retryAfter) {
        return new Answer(json, retryAfter);
    }

    @Bean
    FilterRegistrationBean<Unavailable> databaseUnavailableFilterRegistration(Answer answer) {
        FilterRegistrationBean<Unavailable> registration = new FilterRegistrationBean<>(new Unavailable(answer));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * The same answer where Spring MVC resolves a controller's failure, before its own resolvers do: Spring's
     * {@code DefaultHandlerExceptionResolver} takes a failure with an {@code EOFException} among its causes for a
     * client that went away and leaves the response as it is — 200 and empty. PostgreSQL's driver reports a
     * connection cut by the server with just that cause, so a report whose commit was cut off was answered 200
     * (PostgresRestartTest met it).
     */
    @Bean
    HandlerExceptionResolver databaseUnavailableResolver(Answer answer) {
        return new Resolver(answer);
    }

    /**
     * Answers a failure that lost the database — under {@code /api} with 503 and our error, written here (an empty
     * view is returned), a portal page with 503 and the page {@code portal/unavailable} saying the same in Chinese —
     * or returns null when the failure did not lose the database or the response has gone out already.
     */
    record Answer(ObjectMapper json, Duration retryAfter) {

        ModelAndView given(HttpServletRequest request, HttpServletResponse response, Throwable failure)
                throws IOException {
            if (!ConnectionLoss.in(failure) || response.isCommitted()) {
                return null;
            }
            log.warn("{} {} failed, the database could not be reached: {}", request.getMethod(),
                    request.getRequestURI(), failure.toString());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            String message = CommitInDoubt.in(failure) ? IN_DOUBT_MESSAGE : MESSAGE;
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, message, List.of()).writeTo(response, json);
                return new ModelAndView();
            }
            return new ModelAndView(UNAVAILABLE_PAGE, Map.of("reason", message, "retryAfter",
                    Math.max(1, retryAfter.toSeconds())), HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    static final class Unavailable extends OncePerRequestFilter {

        private final Answer answer;

        Unavailable(Answer answer) {
            this.answer = answer;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException failure) {
                if (answer.given(request, response, failure) == null) {
                    throw failure;
                }
            }
        }
    }

    static final class Resolver implements HandlerExceptionResolver, Ordered {

        private final Answer answer;

        Resolver(Answer answer) {
            this.answer = answer;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception failure) {
            try {
                return answer.given(request, response, failure);
            } catch (IOException unwritable) {
                log.warn("the 503 for {} could not be written: {}", request.getRequestURI(), unwritable.toString());
                return null;
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
