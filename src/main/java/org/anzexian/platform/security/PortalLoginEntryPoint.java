package org.anzexian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Sends a portal visitor without a login to the login page, remembering the page asked for. */
class PortalLoginEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String asked = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            asked += "?" + request.getQueryString();
        }
        response.sendRedirect(request.getContextPath() + "/portal/login?next="
                + URLEncoder.encode(asked, StandardCharsets.UTF_8));
    }
}
