package org.anzexian.supervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.support.PortalClient;
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
 * The dashboard (#14, N9.1, N9.2) over a fixture of known cases ({@link DashboardCases}), on every door
 * ({@code GET /api/dashboard} and {@code /portal}), and scoped like {@code /api}: the city sees all, a county
 * its area only (another county is refused with 403), an insurer, service organization or construction unit
 * its own cases. Expected values are the fixture's own, or counted here with SQL of our own.
 */
abstract class DashboardContract {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    DashboardCases cases;

    @BeforeEach
    void fixture() {
        cases = new DashboardCases(context);
    }

    private JsonNode dashboard(String user, String query) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity("/api/dashboard" + query,
                JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/dashboard%s as %s: %s", query, user, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode row(JsonNode rows, String key, Object value) {
        for (JsonNode row : rows) {
            if (row.path(key).asText().equals(String.valueOf(value))) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + "=" + value + " in " + rows);
    }

    private static List<String> counties(JsonNode rows) {
        List<String> codes = new ArrayList<>();
        rows.forEach(row -> codes.add(row.path("county").asText()));
        return codes;
    }

    private static long value(JsonNode figure) {
        return figure.path("value").asLong();
    }

    @Test
    void theConstructionUnitSeesTheFiguresOfItsOwnCases() {
        JsonNode d = dashboard(cases.builder.user(), "");

        JsonNode coverage = d.path("coverage");
        assertThat(coverage.path("permitted").asLong()).as("holding a permit").isEqualTo(3);
        assertThat(coverage.path("insured").asLong()).isEqualTo(1);
        assertThat(value(coverage.path("uninsured"))).as("no policy, and an expired one").isEqualTo(2);
        assertThat(coverage.path("insuredPercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(coverage.path("applyingUninsured").asLong()).as("applying for a permit without a policy").isEqualTo(1);
        assertThat(coverage.path("uninsured").path("href").isNull()).as("the uninsured list is the authorities'").isTrue();

        JsonNode hazards = d.path("hazards").path("total");
        assertThat(value(hazards.path("majorOverdue"))).isEqualTo(1);
        assertThat(value(hazards.path("majorInTime"))).isEqualTo(1);
        assertThat(value(hazards.path("majorSubmitted"))).isZero();
        assertThat(value(hazards.path("generalOverdue"))).isEqualTo(2);
        assertThat(value(hazards.path("generalInTime"))).isZero();
        assertThat(value(hazards.path("generalSubmitted"))).isEqualTo(1);
        assertThat(value(d.path("hazards").path("overdue"))).isEqualTo(3);
        assertThat(counties(d.path("hazards").path("counties")))
                .as("in the jurisdictions' official order").containsExactly("140902", "140931");
        assertThat(row(d.path("hazards").path("counties"), "county", "140931").path("countyName").asText())
                .isEqualTo("保德县");

        JsonNode closure = d.path("closure");
        assertThat(closure.path("days").asInt()).isEqualTo(90);
        assertThat(closure.path("raised").asLong()).as("raised in the last 90 days").isEqualTo(6);
        assertThat(closure.path("raisedClosed").asLong()).isEqualTo(1);
        assertThat(closure.path("closurePercent").decimalValue()).isEqualByComparingTo("16.7");
        assertThat(closure.path("closed").asLong()).as("closed in the last 90 days").isEqualTo(2);
        assertThat(closure.path("closedOnTime").asLong()).isEqualTo(1);
        assertThat(closure.path("meanDays").decimalValue()).as("(15 + 190) / 2").isEqualByComparingTo("102.5");
        assertThat(closure.path("medianDays").decimalValue()).isEqualByComparingTo("102.5");

        assertThat(d.path("visits")).hasSize(1);
        JsonNode visits = d.path("visits").get(0);
        assertThat(visits.path("serviceOrgName").asText()).isEqualTo(cases.serviceOrg.name());
        assertThat(value(visits.path("due"))).isEqualTo(1);
        assertThat(value(visits.path("done"))).isEqualTo(2);
        assertThat(value(visits.path("late"))).isEqualTo(1);
        assertThat(value(visits.path("missed"))).isEqualTo(2);
        assertThat(value(visits.path("refused"))).isEqualTo(1);
        assertThat(value(d.path("visitsMissed"))).isEqualTo(2);

        assertThat(d.path("claims")).hasSize(1);
        JsonNode claims = d.path("claims").get(0);
        assertThat(claims.path("insurerName").asText()).isEqualTo(cases.insurer.name());
        assertThat(value(claims.path("claims"))).isEqualTo(3);
        assertThat(claims.path("open").asLong()).isEqualTo(2);
        assertThat(value(claims.path("breached"))).isEqualTo(2);
        assertThat(claims.path("acknowledgementLate").asLong()).isEqualTo(1);
        assertThat(claims.path("decisionLate").asLong()).isEqualTo(1);
        assertThat(claims.path("paymentLate").asLong()).isEqualTo(1);
        assertThat(d.path("ranking").isNull()).as("construction units are not ranked").isTrue();

        JsonNode narrowed = dashboard(cases.builder.user(), "?county=" + DashboardCases.COUNTY);
        assertThat(value(narrowed.path("hazards").path("total").path("generalOverdue"))).isEqualTo(1);
        assertThat(value(narrowed.path("visits").get(0).path("missed"))).isEqualTo(1);
        assertThat(narrowed.path("hazards").path("overdue").path("href").asText())
                .isEqualTo("/portal/lists/hazards?overdue=true&county=140931");
    }

    @Test
    void theInsurerSeesTheProjectsItInsuresItsClaimsAndItsLatestRanking() {
        JsonNode d = dashboard(cases.insurer.user(), "");

        assertThat(d.path("coverage").path("permitted").asLong())
                .as("permitted projects whose contract it holds a policy of").isEqualTo(2);
        assertThat(d.path("coverage").path("insured").asLong()).isEqualTo(1);
        assertThat(d.path("coverage").path("applyingUninsured").asLong()).isZero();
        assertThat(d.path("claims")).hasSize(1);
        assertThat(d.path("claims").get(0).path("insurerId").asLong()).isEqualTo(cases.insurer.id());
        assertThat(d.path("claims").get(0).path("breached").path("href").asText())
                .isEqualTo("/portal/lists/claims?insurerId=" + cases.insurer.id() + "&breach=true");

        JsonNode ranking = d.path("ranking");
        assertThat(ranking.path("periodStart").asText()).isEqualTo("2001-01-01");
        assertThat(ranking.path("rows")).hasSize(1);
        JsonNode own = ranking.path("rows").get(0);
        assertThat(own.path("organizationId").asLong()).isEqualTo(cases.insurer.id());
        assertThat(own.path("rank").asInt()).isEqualTo(1);
        assertThat(own.path("href").asText()).isEqualTo("/portal/assessments/" + cases.assessmentId);
    }

    @Test
    void theServiceOrganizationSeesItsVisitsAndTheHazardsItFoundButNoCoverageOrClaims() {
        JsonNode d = dashboard(cases.serviceOrg.user(), "");

        assertThat(d.path("coverage").isNull()).isTrue();
        assertThat(d.path("claims").isNull()).isTrue();
        assertThat(d.path("visits")).hasSize(1);
        assertThat(d.path("visits").get(0).path("serviceOrgId").asLong()).isEqualTo(cases.serviceOrg.id());
        assertThat(d.path("visits").get(0).path("missed").path("href").asText())
                .isEqualTo("/portal/lists/visits?serviceOrgId=" + cases.serviceOrg.id() + "&state=missed");
        assertThat(value(d.path("hazards").path("overdue"))).isEqualTo(3);
        assertThat(d.path("ranking").isNull()).as("not assessed yet").isTrue();
    }

    @Test
    void aCountyAuthoritySeesOnlyItsArea() {
        JsonNode d = dashboard(cases.countyUser, "");

        assertThat(d.path("scope").asText()).isEqualTo("保德县");
        assertThat(counties(d.path("coverage").path("counties"))).containsOnly(DashboardCases.COUNTY);
        assertThat(counties(d.path("hazards").path("counties"))).containsOnly(DashboardCases.COUNTY);
        assertThat(counties(d.path("closure").path("counties"))).containsOnly(DashboardCases.COUNTY);
        JsonNode own = row(d.path("visits"), "serviceOrgId", cases.serviceOrg.id());
        assertThat(value(own.path("missed"))).as("the missed visit in 忻府区 is not its area's").isEqualTo(1);
        assertThat(value(own.path("due"))).isEqualTo(1);
        assertThat(own.path("missed").path("href").asText())
                .isEqualTo("/portal/lists/visits?serviceOrgId=" + cases.serviceOrg.id() + "&state=missed&county=140931");
        assertThat(d.path("coverage").path("uninsured").path("href").asText())
                .isEqualTo("/portal/lists/uninsured?county=140931");

        OffsetDateTime now = OffsetDateTime.parse(d.path("computedAt").asText());
        assertThat(value(d.path("coverage").path("uninsured"))).isEqualTo(uninsured(DashboardCases.COUNTY, now.toLocalDate()));
        assertThat(value(d.path("hazards").path("overdue"))).isEqualTo(overdue(DashboardCases.COUNTY, now));
    }

    @Test
    void aCountyAuthorityAskingForAnotherCountyIsRefusedOnEveryDoor() {
        ResponseEntity<JsonNode> other = http.withBasicAuth(cases.countyUser, cases.countyUser)
                .getForEntity("/api/dashboard?county=" + DashboardCases.OTHER_COUNTY, JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody().toString()).contains("本辖区");
        assertThat(dashboard(cases.countyUser, "?county=" + DashboardCases.COUNTY).path("county").asText())
                .isEqualTo(DashboardCases.COUNTY);

        PortalClient portal = PortalClient.loggedIn(port, cases.countyUser);
        HttpResponse<String> refused = portal.get("/portal?county=" + DashboardCases.OTHER_COUNTY);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("本辖区");
        HttpResponse<String> own = portal.get("/portal?county=" + DashboardCases.COUNTY);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("保德县", "id=\"hazard-table\"", "/portal/lists/hazards?overdue=true&amp;county=140931");
    }

    @Test
    void theCitySeesTheWholeCityAsCountedIndependently() {
        JsonNode d = dashboard("city", "");
        OffsetDateTime now = OffsetDateTime.parse(d.path("computedAt").asText());
        LocalDate today = now.toLocalDate();

        assertThat(d.path("scope").asText()).isEqualTo("全市");
        assertThat(value(d.path("coverage").path("uninsured"))).isEqualTo(uninsured(null, today));
        assertThat(d.path("coverage").path("uninsured").path("href").asText()).isEqualTo("/portal/lists/uninsured");
        JsonNode fixtureCounty = row(d.path("coverage").path("counties"), "county", DashboardCases.COUNTY);
        assertThat(value(fixtureCounty.path("uninsured"))).isEqualTo(uninsured(DashboardCases.COUNTY, today));
        assertThat(fixtureCounty.path("uninsured").path("href").asText()).isEqualTo("/portal/lists/uninsured?county=140931");
        assertThat(value(d.path("hazards").path("overdue"))).isEqualTo(overdue(null, now));
        JsonNode hazardCounty = row(d.path("hazards").path("counties"), "county", DashboardCases.COUNTY);
        assertThat(value(hazardCounty.path("counts").path("majorOverdue")))
                .isEqualTo(count("SELECT COUNT(*) FROM hazard WHERE jurisdiction_code = '140931' AND severity = 'MAJOR'"
                        + " AND status = 'OPEN' AND deadline_at < :now", now));
        assertThat(hazardCounty.path("counts").path("majorOverdue").path("href").asText())
                .isEqualTo("/portal/lists/hazards?severity=MAJOR&overdue=true&county=140931");

        JsonNode visits = row(d.path("visits"), "serviceOrgId", cases.serviceOrg.id());
        assertThat(value(visits.path("missed"))).isEqualTo(2);
        assertThat(value(d.path("visitsMissed"))).isEqualTo(count("SELECT COUNT(*) FROM visit WHERE status = 'OPEN' AND due_at < :now", now));
        JsonNode claims = row(d.path("claims"), "insurerId", cases.insurer.id());
        assertThat(value(claims.path("breached"))).isEqualTo(2);
        assertThat(value(d.path("claimsBreached")))
                .isEqualTo(count("SELECT COUNT(DISTINCT claim_id) FROM claim_breach WHERE :now IS NOT NULL", now));
        assertThat(d.path("ranking").isMissingNode()).isFalse();
    }

    @Test
    void thePortalPageShowsTheSameNumbersInTablesAndTheChartData() {
        PortalClient portal = PortalClient.loggedIn(port, cases.builder.user());
        HttpResponse<String> page = portal.get("/portal");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"coverage-table\"", "id=\"visit-table\"", "id=\"claim-table\"",
                cases.serviceOrg.name(), cases.insurer.name(), "保德县", "忻府区", "type=\"application/json\"",
                "/webjars/echarts/5.3.1/dist/echarts.min.js", "/portal/assets/dashboard.js")
                .doesNotContain("onclick=", "140931</td>", "<select name=\"county\"");
        assertThat(PortalClient.loggedIn(port, "city").get("/portal?county=" + DashboardCases.COUNTY).body())
                .as("the city may narrow the overview to one area").contains("<select name=\"county\"")
                .contains("<option value=\"140931\" selected=\"selected\">保德县</option>");
    }

    private long uninsured(String county, LocalDate today) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM project p
                WHERE p.permit_status = 'ISSUED' AND (CAST(:county AS VARCHAR(16)) IS NULL OR p.jurisdiction_code = :county)
                  AND NOT EXISTS (SELECT 1 FROM policy po WHERE po.contract_id = p.contract_id AND po.status = 'ISSUED'
                                  AND po.policy_end >= :today)
                """).param("county", county).param("today", today).query(Long.class).single();
    }

    private long overdue(String county, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM hazard
                WHERE status = 'OPEN' AND deadline_at < :now AND (CAST(:county AS VARCHAR(16)) IS NULL OR jurisdiction_code = :county)
                """).param("county", county).param("now", now).query(Long.class).single();
    }

    private long count(String sql, OffsetDateTime now) {
        return jdbc.sql(sql).param("now", now).query(Long.class).single();
    }
}
