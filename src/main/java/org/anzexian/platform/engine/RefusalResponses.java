package org.anzexian.platform.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer of a refused engine call on {@code /engine-rest} and the Tasklist's API: the status the
 * refusal carries (400 or 403) and its Chinese reasons — instead of "Cannot submit task form &lt;id&gt;:
 * ENGINE-…" or a 500 for a rule our listeners enforce. The guard remembers the refusal for the thread
 * that serves the request; this filter writes it once the engine's REST layer has answered. Any other
 * failure (500) is answered without the exception's text, which is logged instead.
 */
@Configuration
public class RefusalResponses {

    private static final Logger log = LoggerFactory.getLogger(RefusalResponses.class);

    private static final ThreadLocal<DoorRefusal> LAST = new ThreadLocal<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void remember(DoorRefusal refusal) {
        LAST.set(refusal);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refusalResponseFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                LAST.remove();
                ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, wrapped);
                    DoorRefusal refusal = LAST.get();
                    if (refusal != null && wrapped.getStatus() >= 400) {
                        answer(wrapped, refusal.status(), body(refusal));
                    } else if (wrapped.getStatus() >= 500) {
                        // the engine's REST layer puts exception text (SQL, class names) into its answer
                        log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), wrapped.getStatus(),
                                new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
                        answer(wrapped, wrapped.getStatus(), Map.of("type", "ServerError",
                                "message", "系统暂时无法完成此操作，已记录，请稍后再试或联系管理员"));
                    }
                } finally {
                    LAST.remove();
                    wrapped.copyBodyToResponse();
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void answer(ContentCachingResponseWrapper response, int status, Map<String, ?> body) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private static Map<String, Object> body(DoorRefusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.status() == DoorRefusal.FORBIDDEN ? "AuthorizationException" : "InvalidRequestException");
        body.put("message", refusal.message());
        body.put("reasons", refusal.reasons());
        return body;
    }
}
