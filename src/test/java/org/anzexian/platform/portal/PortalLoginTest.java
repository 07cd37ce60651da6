package org.anzexian.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal shares the webapps' login and shows each role its own menu (DESIGN.md §5, #14). */
@AnzexianTest
class PortalLoginTest {

    @LocalServerPort
    int port;

    @Test
    void aVisitorWithoutLoginIsSentToTheLoginPageAndBackAfterwards() {
        PortalClient portal = new PortalClient(port);

        HttpResponse<String> page = portal.get("/portal/my?state=open");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/portal/login?next=%2Fportal%2Fmy%3Fstate%3Dopen");

        HttpResponse<String> login = portal.post("/portal/login?next=%2Fportal%2Fmy", "/portal/login",
                Map.of("username", "xinfu", "password", "xinfu", "next", "/portal/my"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/portal/my");
        assertThat(portal.get("/portal").body()).contains("xinfu").contains("任务清单");
    }

    @Test
    void onePortalLoginAlsoServesTheTasklist() {
        PortalClient portal = PortalClient.loggedIn(port, "anke");

        HttpResponse<String> tasklistUser = portal.get("/camunda/api/admin/auth/user/default");

        assertThat(tasklistUser.statusCode()).isEqualTo(200);
        assertThat(tasklistUser.body()).contains("\"userId\":\"anke\"").contains("tasklist");
    }

    @Test
    void aWrongPasswordIsRefusedInChineseAndOpensNothing() {
        PortalClient portal = new PortalClient(port);

        HttpResponse<String> login = portal.login("regulator", "wrong");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("用户名或密码错误");
        assertThat(portal.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void aLoginNeverRedirectsToAnotherSite() {
        PortalClient portal = new PortalClient(port);

        HttpResponse<String> login = portal.post("/portal/login", "/portal/login",
                Map.of("username", "picc", "password", "picc", "next", "//evil.example/portal"));

        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/portal").doesNotContain("evil");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        PortalClient portal = PortalClient.loggedIn(port, "picc");

        assertThat(portal.postWithoutPage("/portal/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(portal.get("/portal").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheCityBureauIsOfferedAdministration() {
        assertThat(PortalClient.loggedIn(port, "city").get("/portal").body()).contains("href=\"/portal/admin\"");
        assertThat(PortalClient.loggedIn(port, "xinfu").get("/portal").body())
                .doesNotContain("href=\"/portal/admin\"").contains("href=\"/portal/lists/uninsured\"");
        assertThat(PortalClient.loggedIn(port, "picc").get("/portal").body())
                .doesNotContain("href=\"/portal/admin\"").doesNotContain("/portal/lists/uninsured");
    }

    @Test
    void theChartLibraryIsServedFromTheJar() {
        HttpResponse<byte[]> script = new PortalClient(port).getBytes("/webjars/echarts/5.3.1/dist/echarts.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body().length).isGreaterThan(500_000);
    }
}
