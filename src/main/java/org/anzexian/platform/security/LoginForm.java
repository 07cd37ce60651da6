package org.anzexian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.anzexian.platform.web.ReplayedRequest;

/** The webapps' login form, read once and replayed to the webapp (a login form is a few bytes). */
final class LoginForm extends ReplayedRequest {

    private static final int MAX_BYTES = 16 * 1024;

    private LoginForm(HttpServletRequest request, byte[] body) {
        super(request, body);
    }

    static LoginForm read(HttpServletRequest request) throws IOException {
        return new LoginForm(request, request.getInputStream().readNBytes(MAX_BYTES));
    }

    /** The {@code username} field of the form, or null. */
    String username() {
        for (String pair : new String(body(), StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
