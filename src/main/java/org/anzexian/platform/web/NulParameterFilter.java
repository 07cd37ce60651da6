package org.anzexian.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api} request whose query parameters carry a NUL character (#11, finding 7) with a
 * 400 naming the parameter, before it reaches a query: PostgreSQL cannot take NUL in a text and would
 * fail the request with a 500. The query string is read as it came, so a multipart body is not parsed here.
 */
@Configuration
class NulParameterFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> nulParameterFilterRegistration(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String parameter = withNul(request.getQueryString());
                if (parameter == null) {
                    chain.doFilter(request, response);
                    return;
                }
                ApiError.of(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid request)",
                        List.of(new ApiError.FieldMessage(parameter, StrictJsonInput.NUL_CHARACTER)))
                        .writeTo(response, json);
            }
        });
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** The name of the first parameter with a NUL in its name or value, or null. */
    static String withNul(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String decoded = decode(pair);
            if (decoded.indexOf('\u0000') >= 0) {
                int equals = decoded.indexOf('=');
                return equals < 0 ? decoded.replace("\u0000", "") : decoded.substring(0, equals).replace("\u0000", "");
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // a broken escape: the query's own parsing refuses it, or the value is read as it stands
            return text;
        }
    }
}
