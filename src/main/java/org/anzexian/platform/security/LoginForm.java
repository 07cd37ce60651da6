package org.anzexian.platform.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The webapps' login form, read once and replayed to the webapp (a login form is a few bytes). */
final class LoginForm extends HttpServletRequestWrapper {

    private static final int MAX_BYTES = 16 * 1024;

    private final byte[] body;

    private LoginForm(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    static LoginForm read(HttpServletRequest request) throws IOException {
        return new LoginForm(request, request.getInputStream().readNBytes(MAX_BYTES));
    }

    /** The {@code username} field of the form, or null. */
    String username() {
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the login form is read synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
