package org.anzexian.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anzexian.support.PagedLists;
import org.anzexian.support.PortalClient;
import org.anzexian.support.Sheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hazard list (#14): paged and sorted on {@code /api}, exported to Excel and shown in the portal, each
 * with the same filters and the same scope (N8.9: a county sees its area).
 */
abstract class HazardListContract extends HazardFixtures {

    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aListIsPagedWithItsTotalAndSortedEitherWay() {
        Site site = site();
        List<Long> raised = new ArrayList<>(List.of(raise(site, HazardSeverity.GENERAL), raise(site, HazardSeverity.MAJOR),
                raise(site, HazardSeverity.GENERAL)));
        String ofProject = "/api/hazards?projectId=" + site.insured().project().id();

        JsonNode first = get("xinfu", ofProject + "&size=2&sort=id,asc").getBody();
        JsonNode second = get("xinfu", ofProject + "&size=2&page=1&sort=id,asc").getBody();
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(PagedLists.ids(first)).containsExactly(raised.get(0), raised.get(1));
        assertThat(PagedLists.ids(second)).containsExactly(raised.get(2));

        raised.sort(Comparator.reverseOrder());
        assertThat(PagedLists.ids(get("xinfu", ofProject + "&sort=id,desc").getBody())).containsExactlyElementsOf(raised);
        // MAJOR before GENERAL alphabetically reversed; ties by id
        List<Long> bySeverity = PagedLists.ids(get("xinfu", ofProject + "&sort=severity,desc&sort=id,asc").getBody());
        assertThat(bySeverity.get(0)).isEqualTo(raised.get(1));
        assertThat(bySeverity.subList(1, 3)).containsExactly(raised.get(2), raised.get(0));
    }

    @Test
    void anUnknownSortFieldIsRefusedNamingTheAllowedOnes() {
        ResponseEntity<JsonNode> refused = get("xinfu", "/api/hazards?sort=description,asc");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = refused.getBody().path("fieldErrors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("sort");
        assertThat(error.path("message").asText()).contains("description", "可排序的字段", "deadline", "severity");
        assertThat(get("xinfu", "/api/hazards?sort=id,sideways").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // SQL in a sort is only an unknown field
        assertThat(get("xinfu", "/api/hazards?sort=id;DROP TABLE hazard").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // the positive twin
        assertThat(get("xinfu", "/api/hazards?sort=deadline,desc").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCountysTotalCountsOnlyItsAreaUnderPaging_N8_9() {
        Site xinfu = site();
        Site yuanping = site("140981");
        long inXinfu = raise(xinfu, HazardSeverity.MAJOR);
        long inYuanping = raise(yuanping, HazardSeverity.MAJOR);

        JsonNode page = get("xinfu", "/api/hazards?size=1").getBody();
        long ofArea = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE jurisdiction_code = '140902'").query(Long.class).single();
        assertThat(page.path("total").asLong()).isEqualTo(ofArea);
        assertThat(page.path("items")).hasSize(1);
        assertThat(get("xinfu", "/api/hazards?county=140981").getBody().path("total").asLong()).isZero();
        assertThat(PagedLists.ids(get("city", "/api/hazards?county=140981&sort=id,desc&size=200").getBody()))
                .contains(inYuanping).doesNotContain(inXinfu);
    }

    @Test
    void theExportHoldsTheRowsTheListShowsWithChineseHeaders() {
        Site xinfu = site();
        Site yuanping = site("140981");
        long major = raise(xinfu, HazardSeverity.MAJOR);
        long general = raise(xinfu, HazardSeverity.GENERAL);
        long foreign = raise(yuanping, HazardSeverity.MAJOR);

        ResponseEntity<byte[]> export = http.withBasicAuth("xinfu", "xinfu").getForEntity(
                "/api/hazards.xlsx?projectId=" + xinfu.insured().project().id() + "&sort=id,desc", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<List<String>> rows = Sheets.rows(export.getBody());
        assertThat(rows.get(0)).contains("编号", "县（市、区）", "项目名称", "等级", "整改期限", "施工单位");
        assertThat(Sheets.ids(export.getBody())).containsExactly(String.valueOf(general), String.valueOf(major));
        assertThat(rows.get(1)).contains("忻府区", xinfu.insured().project().name(), "一般隐患");

        // another area's hazard is absent even when asked for by its project
        byte[] foreignAsked = http.withBasicAuth("xinfu", "xinfu").getForEntity(
                "/api/hazards.xlsx?projectId=" + yuanping.insured().project().id(), byte[].class).getBody();
        assertThat(Sheets.ids(foreignAsked)).isEmpty();
        assertThat(Sheets.ids(http.withBasicAuth("yuanping", "yuanping").getForEntity(
                "/api/hazards.xlsx?projectId=" + yuanping.insured().project().id(), byte[].class).getBody()))
                .containsExactly(String.valueOf(foreign));
    }

    @Test
    void thePortalListShowsTheCountysHazardsFilteredPagedAndSorted() {
        Site xinfu = site();
        Site yuanping = site("140981");
        long major = raise(xinfu, HazardSeverity.MAJOR);
        long general = raise(xinfu, HazardSeverity.GENERAL);
        long secondMajor = raise(xinfu, HazardSeverity.MAJOR);
        long foreign = raise(yuanping, HazardSeverity.MAJOR);
        PortalClient portal = PortalClient.loggedIn(port, "xinfu");
        long projectId = xinfu.insured().project().id();

        HttpResponse<String> majors = portal.get("/portal/lists/hazards?projectId=" + projectId
                + "&severity=MAJOR&sort=id,asc&size=1");
        assertThat(majors.statusCode()).isEqualTo(200);
        assertThat(majors.body()).contains("第 1 页，共 2 条", "/portal/cases/hazard/" + major, "下一页", "导出 Excel",
                xinfu.insured().project().name(), "重大隐患")
                .doesNotContain("/portal/cases/hazard/" + general + "\"", "/portal/cases/hazard/" + secondMajor + "\"");
        assertThat(majors.body())
                .contains("/api/hazards.xlsx?severity=MAJOR&amp;projectId=" + projectId + "&amp;sort=id,asc");
        HttpResponse<String> next = portal.get("/portal/lists/hazards?projectId=" + projectId
                + "&severity=MAJOR&sort=id,asc&size=1&page=1");
        assertThat(next.body()).contains("第 2 页，共 2 条", "/portal/cases/hazard/" + secondMajor + "\"", "上一页");
        // a click on the header sorts the other way
        assertThat(next.body()).contains("sort=id,desc");

        HttpResponse<String> foreignAsked = portal.get("/portal/lists/hazards?projectId="
                + yuanping.insured().project().id());
        assertThat(foreignAsked.body()).contains("没有符合条件的隐患").doesNotContain("/portal/cases/hazard/" + foreign + "\"");
        // the positive twin: the county of that area sees it
        assertThat(PortalClient.loggedIn(port, "yuanping").get("/portal/lists/hazards?projectId="
                + yuanping.insured().project().id()).body()).contains("/portal/cases/hazard/" + foreign + "\"");
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    }
}
