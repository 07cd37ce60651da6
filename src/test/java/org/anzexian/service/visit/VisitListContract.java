package org.anzexian.service.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.PagedLists;
import org.anzexian.support.PortalClient;
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
 * The visit list (#14): every visit a reader may see, by service organization, state and county (N8.2,
 * N8.5), paged and sorted on {@code /api}, exported and shown in the portal.
 */
abstract class VisitListContract {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired VisitService visits;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    ServicedProject serviced;
    Visit first;
    Visit second;

    /** A serviced project in 忻府区 whose first visit is past due (missed) and whose second is due. */
    @BeforeEach
    void aMissedVisitAndADueOne() {
        BpmnAwareTests.init(engine);
        serviced = new InsuredProjects(context).serviced();
        first = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id()).get(0);
        ClockUtil.setCurrentTime(Date.from(first.dueAt().toInstant().plusSeconds(60)));
        DueJobs.run(engine, engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(first.id()), PreventionServiceVisitProcess.KEY).singleResult());
        List<Visit> all = visits.ofPolicy(serviced.insurer().actor(), serviced.policy().id());
        assertThat(all).hasSize(2);
        second = all.get(1);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void visitsArePagedSortedAndFilteredByState_N8_2() {
        String user = serviced.serviceOrg().user();
        String ofPolicy = "/api/visits?policyId=" + serviced.policy().id();

        JsonNode firstPage = get(user, ofPolicy + "&sort=dueAt,asc&size=1").getBody();
        assertThat(firstPage.path("total").asLong()).isEqualTo(2);
        assertThat(PagedLists.ids(firstPage)).containsExactly(first.id());
        assertThat(PagedLists.ids(get(user, ofPolicy + "&sort=dueAt,asc&size=1&page=1").getBody())).containsExactly(second.id());
        assertThat(PagedLists.ids(get(user, ofPolicy + "&sort=dueAt,desc").getBody())).containsExactly(second.id(), first.id());
        assertThat(PagedLists.ids(get(user, ofPolicy + "&state=missed").getBody())).containsExactly(first.id());
        assertThat(PagedLists.ids(get(user, ofPolicy + "&state=due").getBody())).containsExactly(second.id());
        assertThat(PagedLists.ids(get(user, ofPolicy + "&state=done").getBody())).isEmpty();
        assertThat(PagedLists.ids(get(user, "/api/visits?state=missed&serviceOrgId=" + serviced.serviceOrg().id()).getBody()))
                .containsExactly(first.id());

        ResponseEntity<JsonNode> badState = get(user, ofPolicy + "&state=forgotten");
        assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badState.getBody().path("fieldErrors").get(0).path("message").asText()).contains("missed");
        assertThat(get(user, ofPolicy + "&sort=refusalReason").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCountyCountsOnlyItsAreaUnderPaging_N8_5() {
        String ofPolicy = "/api/visits?policyId=" + serviced.policy().id();
        long ofArea = jdbc.sql("SELECT COUNT(*) FROM visit WHERE jurisdiction_code = '140902'").query(Long.class).single();
        assertThat(get("xinfu", "/api/visits?size=1").getBody().path("total").asLong()).isEqualTo(ofArea);
        assertThat(get("xinfu", ofPolicy).getBody().path("total").asLong()).isEqualTo(2);
        assertThat(get("yuanping", ofPolicy).getBody().path("total").asLong()).isZero();
        assertThat(get("jianan", ofPolicy).getBody().path("total").asLong()).isZero();
    }

    @Test
    void theExportHoldsTheScopedRowsWithChineseHeaders() {
        String path = "/api/visits.xlsx?serviceOrgId=" + serviced.serviceOrg().id();
        ResponseEntity<byte[]> export = http.withBasicAuth("xinfu", "xinfu").getForEntity(path, byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<List<String>> rows = Sheets.rows(export.getBody());
        assertThat(rows.get(0)).contains("编号", "服务机构", "应完成时间", "服务状态");
        assertThat(Sheets.ids(export.getBody())).containsExactly(String.valueOf(first.id()), String.valueOf(second.id()));
        assertThat(rows.get(1)).contains(serviced.serviceOrg().name(), "逾期未服务", "忻府区");
        assertThat(Sheets.ids(http.withBasicAuth("yuanping", "yuanping").getForEntity(path, byte[].class).getBody()))
                .isEmpty();
    }

    @Test
    void thePortalListShowsTheMissedVisitsOfAServiceOrganization() {
        String query = "/portal/lists/visits?serviceOrgId=" + serviced.serviceOrg().id() + "&state=missed";
        HttpResponse<String> xinfu = PortalClient.loggedIn(port, "xinfu").get(query);
        assertThat(xinfu.statusCode()).isEqualTo(200);
        assertThat(xinfu.body()).contains("/portal/cases/visit/" + first.id() + "\"", "逾期未服务", "第 1 页，共 1 条",
                "/api/visits.xlsx?serviceOrgId=" + serviced.serviceOrg().id() + "&amp;state=missed&amp;sort=dueAt,asc")
                .doesNotContain("/portal/cases/visit/" + second.id() + "\"");
        assertThat(PortalClient.loggedIn(port, "yuanping").get(query).body())
                .doesNotContain("/portal/cases/visit/" + first.id() + "\"").contains("没有符合条件的服务");
        HttpResponse<String> badSort = PortalClient.loggedIn(port, "xinfu").get(query + "&sort=nonsense");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(badSort.body()).contains("可排序的字段");
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    }
}
