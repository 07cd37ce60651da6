package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.anzexian.support.AnzexianTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user logged into the Tasklist reaches /api with that session; writes need the webapps' CSRF token. */
@AnzexianTest
class WebappSessionApiTest {

    @LocalServerPort
    int port;

    CookieManager cookies;
    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    @Test
    void tasklistSessionReadsTheApiAsThatUser() throws Exception {
        logIntoTasklist("xinfu", "xinfu");

        HttpResponse<String> projects = send(HttpRequest.newBuilder(uri("/api/projects")).GET());

        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.body()).contains("XF-2025-001").doesNotContain("YP-2025-001");
    }

    @Test
    void sessionWriteWithoutCsrfTokenIsRefusedAndWithItReachesTheApi() throws Exception {
        logIntoTasklist("xinfu", "xinfu");
        HttpRequest.Builder post = HttpRequest.newBuilder(uri("/api/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(send(post).statusCode()).isEqualTo(403);
        // with the token the request is authenticated and reaches validation (an empty project is invalid)
        HttpResponse<String> withToken = send(post.header("X-XSRF-TOKEN", xsrfToken()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(400);
    }

    @Test
    void withoutLoginTheApiAnswers401() throws Exception {
        send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        assertThat(send(HttpRequest.newBuilder(uri("/api/projects")).GET()).statusCode()).isEqualTo(401);
    }

    private void logIntoTasklist(String user, String password) throws Exception {
        send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // login starts a new session; its CSRF token is issued with the next webapp request, as in the browser
        send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the webapps set no XSRF-TOKEN cookie"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
