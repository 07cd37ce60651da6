package org.anzexian.platform.portal;

import static org.anzexian.support.PortalBrowser.Step.click;
import static org.anzexian.support.PortalBrowser.Step.expectText;
import static org.anzexian.support.PortalBrowser.Step.expectUrl;
import static org.anzexian.support.PortalBrowser.Step.go;
import static org.anzexian.support.PortalBrowser.Step.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.anzexian.support.AnzexianTest;
import org.anzexian.support.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal in a Chinese browser: its own login, the role's menu, and the way to the Tasklist (#14). */
@AnzexianTest
@Tag("browser")
class PortalBrowserTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void aCountyOfficerLogsInSeesItsMenuAndReachesTheTasklistWithoutLoggingInAgain() {
        PortalBrowser.Run run = new PortalBrowser(port).walk("xinfu", "xinfu",
                go("/portal"),
                read(".portal-nav a"),
                click("任务清单"),
                expectUrl("/camunda/app/tasklist"),
                expectText("本组待办"));

        run.assertOk();
        assertThat(run.reads()).contains("概览", "我的事项", "隐患", "未投保项目", "任务清单").doesNotContain("管理");
    }
}
