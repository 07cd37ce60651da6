package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.anzexian.support.AnzexianTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user logged into the Tasklist reaches /api with that session; writes need the webapps' CSRF token;
 * /api calls leave the session as it is, however many run at once (#12).
 */
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

    /**
     * A Tasklist form reads several lists at once (the quotation start form: projects and insurers). Each
     * call used to renew the session id, so the calls after the first carried a dead id and the Tasklist
     * logged the user out (#12): no answer may set a session cookie, and the session must stay the same.
     */
    @Test
    void parallelApiCallsNeitherRenewNorLoseTheTasklistSession() throws Exception {
        logIntoTasklist("sijian", "sijian");
        String session = sessionId();
        List<String> reads = List.of("/api/projects?size=100", "/api/insurers");

        for (int round = 0; round < 30; round++) {
            int parallel = 2 + round % 3;
            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, parallel)
                    .mapToObj(call -> browser.sendAsync(HttpRequest.newBuilder(uri(reads.get(call % reads.size())))
                            .GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> answer = call.join();
                assertThat(answer.statusCode()).as("round %d: %s", round, answer.uri()).isEqualTo(200);
                assertThat(answer.headers().allValues("Set-Cookie")).as("round %d: %s", round, answer.uri())
                        .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
            }
        }

        assertThat(sessionId()).isEqualTo(session);
        HttpResponse<String> whoAmI = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(whoAmI.body()).contains("\"userId\":\"sijian\"");
        assertThat(send(HttpRequest.newBuilder(uri("/api/projects")).GET()).body()).contains("XF-2025-001");
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
        return cookie("XSRF-TOKEN");
    }

    private String sessionId() {
        return cookie("JSESSIONID");
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the server set no " + name + " cookie"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
