package org.anzexian.hazard;

import static org.anzexian.support.PortalBrowser.Step.click;
import static org.anzexian.support.PortalBrowser.Step.expectText;
import static org.anzexian.support.PortalBrowser.Step.expectUrl;
import static org.anzexian.support.PortalBrowser.Step.go;
import static org.anzexian.support.PortalBrowser.Step.read;
import static org.anzexian.support.PortalBrowser.Step.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.PortalBrowser;
import org.anzexian.support.PortalClient;
import org.anzexian.support.Sheets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A county officer works the hazard list in a Chinese browser: filter, sort, page, export (#14, N8.9). */
@AnzexianTest
@Tag("browser")
class HazardListBrowserTest extends HazardFixtures {

    @LocalServerPort int port;

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void aCountyOfficerFiltersBySeveritySortsPagesAndExports_N8_9() {
        Site site = site();
        long firstMajor = raise(site, HazardSeverity.MAJOR);
        raise(site, HazardSeverity.GENERAL);
        long secondMajor = raise(site, HazardSeverity.MAJOR);
        long projectId = site.insured().project().id();

        PortalBrowser.Run run = new PortalBrowser(port).walk("xinfu", "xinfu",
                go("/portal/lists/hazards?projectId=" + projectId + "&size=1"),
                expectText("第 1 页，共 3 条"),
                select("等级", "重大隐患"),
                click("查询"),
                expectUrl("severity=MAJOR"),
                expectText("第 1 页，共 2 条"),
                click("编号"),
                expectUrl("sort=id,asc"),
                read("tr.hazard-row td:first-child"),
                click("下一页"),
                expectText("第 2 页，共 2 条"),
                read("tr.hazard-row td:first-child"),
                click("编号 ▲"),
                expectUrl("sort=id,desc"),
                expectText("第 1 页，共 2 条"),
                read("tr.hazard-row td:first-child"),
                read("a.export"));

        run.assertOk();
        assertThat(run.reads()).containsExactly(String.valueOf(firstMajor), String.valueOf(secondMajor),
                String.valueOf(secondMajor), "导出 Excel");

        // the export link of that page carries its filters and order, and downloads with the portal's session
        PortalClient portal = PortalClient.loggedIn(port, "xinfu");
        HttpResponse<String> page = portal.get("/portal/lists/hazards?severity=MAJOR&projectId=" + projectId
                + "&sort=id,desc&size=1");
        String export = "/api/hazards.xlsx?severity=MAJOR&projectId=" + projectId + "&sort=id,desc";
        assertThat(page.body()).contains(export.replace("&", "&amp;"));
        HttpResponse<byte[]> workbook = portal.getBytes(export);
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(Sheets.ids(workbook.body())).containsExactly(String.valueOf(secondMajor), String.valueOf(firstMajor));
    }
}
