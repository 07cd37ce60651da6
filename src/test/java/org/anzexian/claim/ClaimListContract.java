package org.anzexian.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.PagedLists;
import org.anzexian.support.PortalClient;
import org.anzexian.support.Processes;
import org.anzexian.support.Sheets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim list (#14): paged and sorted on {@code /api}, filtered by insurer, county and service-level
 * breach (N6.5–N6.7), exported to Excel and shown in the portal, each in the reader's scope.
 */
abstract class ClaimListContract {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired ClaimService claims;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @LocalServerPort int port;

    InsuredProject insured;

    @BeforeEach
    void anInsuredProjectInXinfu() {
        BpmnAwareTests.init(engine);
        insured = new InsuredProjects(context).insured();
        // the policy starts today: an accident of "yesterday" must lie inside it
        Processes.moveClock(Duration.ofDays(5));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void claimsArePagedSortedAndFilteredByInsurerAndBreach_N6_5() {
        long late = report();
        long onTime = report();
        long third = report();
        // as ServiceTask_EscalateAcknowledgement does when the 24 hours lapse
        claims.escalateAcknowledgement(late);
        long insurerId = insured.insurer().id();
        String ofInsurer = "/api/claims?insurerId=" + insurerId;

        JsonNode first = get("city", ofInsurer + "&sort=id,asc&size=2").getBody();
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(PagedLists.ids(first)).containsExactly(late, onTime);
        assertThat(PagedLists.ids(get("city", ofInsurer + "&sort=id,asc&size=2&page=1").getBody())).containsExactly(third);
        assertThat(PagedLists.ids(get("city", ofInsurer + "&sort=id,desc").getBody())).containsExactly(third, onTime, late);
        assertThat(PagedLists.ids(get("city", ofInsurer + "&breach=true").getBody())).containsExactly(late);
        assertThat(PagedLists.ids(get("city", ofInsurer + "&breach=false&sort=reportedAt,asc").getBody()))
                .containsExactly(onTime, third);

        ResponseEntity<JsonNode> refused = get("city", ofInsurer + "&sort=payee");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("fieldErrors").get(0).path("message").asText())
                .contains("reportedAt", "accidentAt");
    }

    @Test
    void aCountyCountsOnlyItsAreaAndAnotherInsurerSeesNone() {
        long claim = report();
        long ofArea = jdbc.sql("SELECT COUNT(*) FROM claim WHERE jurisdiction_code = '140902'").query(Long.class).single();
        assertThat(get("xinfu", "/api/claims?size=1").getBody().path("total").asLong()).isEqualTo(ofArea);
        assertThat(PagedLists.ids(get("yuanping", "/api/claims?insurerId=" + insured.insurer().id()).getBody()))
                .doesNotContain(claim);
        assertThat(PagedLists.ids(get("picc", "/api/claims?insurerId=" + insured.insurer().id()).getBody())).isEmpty();
        assertThat(PagedLists.ids(get(insured.insurer().user(), "/api/claims?insurerId=" + insured.insurer().id()).getBody()))
                .contains(claim);
    }

    @Test
    void theExportHoldsTheScopedRowsWithChineseHeaders() {
        long claim = report();
        claims.escalateAcknowledgement(claim);
        String path = "/api/claims.xlsx?breach=true&insurerId=" + insured.insurer().id();

        ResponseEntity<byte[]> export = http.withBasicAuth("xinfu", "xinfu").getForEntity(path, byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<List<String>> rows = Sheets.rows(export.getBody());
        assertThat(rows.get(0)).contains("编号", "保单号", "保险机构", "报案时间", "状态", "超时情形");
        assertThat(Sheets.ids(export.getBody())).contains(String.valueOf(claim));
        assertThat(rows.stream().filter(row -> row.get(0).equals(String.valueOf(claim))).findFirst().orElseThrow())
                .contains(insured.policy().policyNumber(), "忻府区", "未按时受理报案");
        assertThat(Sheets.ids(http.withBasicAuth("yuanping", "yuanping").getForEntity(path, byte[].class).getBody()))
                .isEmpty();
        assertThat(Sheets.ids(http.withBasicAuth("picc", "picc").getForEntity(path, byte[].class).getBody())).isEmpty();
    }

    @Test
    void thePortalListShowsTheBreachesOfAnInsurerInTheCountysArea() {
        long late = report();
        long onTime = report();
        claims.escalateAcknowledgement(late);
        String query = "/portal/lists/claims?insurerId=" + insured.insurer().id() + "&breach=true";

        HttpResponse<String> xinfu = PortalClient.loggedIn(port, "xinfu").get(query);
        assertThat(xinfu.statusCode()).isEqualTo(200);
        assertThat(xinfu.body()).contains("/portal/cases/claim/" + late + "\"", "未按时受理报案", "第 1 页，共 1 条",
                "/api/claims.xlsx?insurerId=" + insured.insurer().id() + "&amp;breach=true&amp;sort=reportedAt,desc",
                insured.insurer().name()).doesNotContain("/portal/cases/claim/" + onTime + "\"");
        assertThat(PortalClient.loggedIn(port, "yuanping").get(query).body())
                .doesNotContain("/portal/cases/claim/" + late + "\"").contains("没有符合条件的报案");
    }

    private long report() {
        Map<String, Object> report = new HashMap<>();
        report.put("policyNumber", insured.policy().policyNumber());
        report.put("accidentAt", InsuredProjects.recentAccident(clock).toString());
        report.put("place", "2号楼东侧脚手架");
        report.put("accidentType", "FALL_FROM_HEIGHT");
        report.put("deaths", 0);
        report.put("injuries", 1);
        report.put("description", "一名工人在拆除脚手架时坠落受伤");
        report.put("reporterName", "李安全");
        report.put("reporterPhone", "13900000000");
        ResponseEntity<JsonNode> created = http.withBasicAuth(insured.builder().user(), insured.builder().user())
                .postForEntity("/api/claims", report, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    }
}
