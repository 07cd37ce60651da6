package org.anzexian.underwriting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The policy register (保单登记簿) in the portal (#14, N4.5): the whole city's policies for the city bureau. */
abstract class PolicyRegisterPagesContract {

    private static final String PAGE = "/portal/admin/policies";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void cityBureauFindsAPolicyByProjectInsurerCountyStatusAndIssueDay_N4_5() {
        InsuredProjects.InsuredProject insured = new InsuredProjects(context).insured();
        Policy policy = insured.policy();
        LocalDate issued = policy.issuedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        PortalClient city = PortalClient.loggedIn(port, "city");
        String number = policy.policyNumber();

        HttpResponse<String> byCode = city.get(PAGE + "?project=" + policy.projectCode());
        assertThat(byCode.statusCode()).isEqualTo(200);
        assertThat(byCode.body()).contains(number, policy.projectName(), insured.builder().name(), "忻府区",
                "href=\"/portal/cases/policy/" + policy.id() + "\"", "共 1 条");
        String namePart = policy.projectName().substring(policy.projectName().length() - 6);
        assertThat(city.get(PAGE + "?project=" + encode(namePart)).body()).contains(number);
        String ofInsurer = PAGE + "?insurer=" + insured.insurer().id();
        assertThat(city.get(ofInsurer + "&county=140902&status=ISSUED&issuedFrom=" + issued + "&issuedTo=" + issued).body())
                .contains(number);
        assertThat(city.get(ofInsurer + "&county=140981").body()).doesNotContain(number);
        assertThat(city.get(ofInsurer + "&status=CANCELLED").body()).doesNotContain(number);
        assertThat(city.get(ofInsurer + "&issuedFrom=" + issued.plusDays(1)).body()).doesNotContain(number);
        assertThat(city.get(PAGE + "?project=" + policy.projectCode() + "&county=140981").body()).doesNotContain(number);

        HttpResponse<String> filtered = city.get(ofInsurer + "&status=ISSUED");
        assertThat(filtered.body()).contains("href=\"/api/underwriting-ledger.xlsx?insurer=" + insured.insurer().id()
                + "&amp;status=ISSUED\"");
        HttpResponse<byte[]> export = city.getBytes("/api/underwriting-ledger.xlsx?insurer=" + insured.insurer().id()
                + "&status=ISSUED");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    }

    @Test
    void anIssuePeriodEndingBeforeItStartsIsExplainedInChinese() {
        PortalClient city = PortalClient.loggedIn(port, "city");

        HttpResponse<String> page = city.get(PAGE + "?issuedFrom=2025-05-02&issuedTo=2025-05-01");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("截止日期不能早于起始日期", "value=\"2025-05-02\"", "没有符合条件的保单");
    }

    @Test
    void countyOfficersAndInsurersGetTheRefusalPage() {
        for (String user : new String[] {"xinfu", "picc", "sijian"}) {
            HttpResponse<String> page = PortalClient.loggedIn(port, user).get(PAGE);
            assertThat(page.statusCode()).as(user).isEqualTo(403);
            assertThat(page.body()).contains("只有市住建局或系统管理员");
        }
        assertThat(PortalClient.loggedIn(port, "city").get(PAGE).statusCode()).isEqualTo(200);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
