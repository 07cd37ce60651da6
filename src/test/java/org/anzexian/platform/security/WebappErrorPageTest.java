package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.anzexian.support.AnzexianTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page a user may not open answers with a Chinese page of the system, never Spring's English
 * "Whitelabel Error Page" (#12): a county user who types Cockpit's address, for one.
 */
@AnzexianTest
class WebappErrorPageTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
    }

    @Test
    void aCountyUserOpeningCockpitGetsAChinesePageNotAWhitelabelOne() throws Exception {
        assertThat(browser.webappLogin("tasklist", "xinfu", "xinfu", "203.0.113.71").statusCode()).isEqualTo(200);

        HttpResponse<String> cockpit = browser.send(browser.request("/camunda/app/cockpit/default/")
                .header("Accept", "text/html"));

        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("没有权限", "返回任务列表").doesNotContain("Whitelabel", "Forbidden");
    }

    @Test
    void theAdministratorStillOpensCockpit() throws Exception {
        assertThat(browser.webappLogin("cockpit", "demo", "demo", "203.0.113.72").statusCode()).isEqualTo(200);

        HttpResponse<String> cockpit = browser.send(browser.request("/camunda/app/cockpit/default/")
                .header("Accept", "text/html"));

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).doesNotContain("没有权限");
    }

    @Test
    void anUnknownPageIsAChinesePageToo() throws Exception {
        HttpResponse<String> missing = browser.send(browser.request("/no-such-page").header("Accept", "text/html"));

        // outside the known doors the security chain refuses before anything could be found
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("安责险业务系统", "返回任务列表").doesNotContain("Whitelabel");
    }
}
