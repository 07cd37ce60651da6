package org.anzexian.platform.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Plain HTTP to the test server with every header under the test's control (Origin, Sec-Fetch-Site,
 * X-Forwarded-For as a trusted proxy would send it), cookies kept like a browser's.
 */
final class Browser {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    String ownOrigin() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Logs into a Camunda webapp from {@code source}; answers the login's response. */
    HttpResponse<String> webappLogin(String app, String user, String password, String source) throws Exception {
        send(request("/camunda/app/" + app + "/default/"));
        return send(request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrfToken())
                .header("X-Forwarded-For", source)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    /** After a login the webapps hand out the new session's CSRF token with the next page. */
    void openApp(String app) throws Exception {
        send(request("/camunda/app/" + app + "/default/"));
    }

    String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the webapps set no XSRF-TOKEN cookie"));
    }

    /** A multipart/form-data body of text fields and files, as a form or Camunda Modeler sends it. */
    record Multipart(String contentType, byte[] body) {

        static Multipart of(Map<String, String> fields, Map<String, String> files) {
            String boundary = "----anzexian" + UUID.randomUUID().toString().replace("-", "");
            StringBuilder text = new StringBuilder();
            fields.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                    .append(value).append("\r\n"));
            files.forEach((fileName, content) -> text.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
                    .append(fileName).append("\"\r\n").append("Content-Type: application/octet-stream\r\n\r\n")
                    .append(content).append("\r\n"));
            text.append("--").append(boundary).append("--\r\n");
            return new Multipart("multipart/form-data; boundary=" + boundary,
                    text.toString().getBytes(StandardCharsets.UTF_8));
        }

        HttpRequest.BodyPublisher publisher() {
            return HttpRequest.BodyPublishers.ofByteArray(body);
        }
    }
}
