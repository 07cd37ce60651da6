package org.anzexian.filing.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.PortalClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reinstating a suspended insurer filing in the portal (#14, N5.2): the same service method as
 * {@code POST /api/insurer-filings/{id}/reinstate}, with the bureau's reason logged; a refusal shows the
 * service's Chinese reason; nobody but the city bureau and admins reaches the page.
 */
abstract class FilingReinstatementPagesContract {

    private static final String PAGE = "/portal/admin/filings";

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    GroupDirectory groups;

    @Autowired
    FileStore files;

    @Autowired
    InsurerFilingService filings;

    @Autowired
    ProcessEngine engine;

    @Autowired
    InsurerGate gate;

    @Autowired
    CreditListService creditLists;

    @Autowired
    Clock clock;

    FiledInsurers insurers;

    @BeforeEach
    void fixtures() {
        insurers = new FiledInsurers(organizations, groups, files, filings, engine, clock);
    }

    @Test
    void cityBureauReinstatesASuspendedFilingWithAReasonOnceItsCauseIsGone_N5_2() {
        FiledInsurers.Insurer insurer = insurers.filed();
        gate.suspend(insurer.organization().id(), "考核连续排名末位，暂停业务");
        InsurerFiling suspended = current(insurer);
        PortalClient city = PortalClient.loggedIn(port, "city");

        HttpResponse<String> list = city.get(PAGE);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(suspended.branchName(), "考核连续排名末位", "恢复备案",
                "/portal/cases/insurer-filing/" + suspended.id());

        HttpResponse<String> blank = city.post(PAGE, PAGE + "/" + suspended.id() + "/reinstate", Map.of("reason", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("必须填写恢复理由");
        assertThat(current(insurer).status()).isEqualTo(FilingStatus.SUSPENDED);

        HttpResponse<String> reinstated = city.post(PAGE, PAGE + "/" + suspended.id() + "/reinstate",
                Map.of("reason", "整改到位，经局务会研究同意恢复"));

        assertThat(reinstated.statusCode()).isEqualTo(302);
        assertThat(city.get(PAGE).body()).contains("已恢复「" + suspended.branchName() + "」的备案");
        InsurerFiling filed = current(insurer);
        assertThat(filed.status()).isEqualTo(FilingStatus.FILED);
        assertThat(gate.isFiled(insurer.organization().id())).isTrue();
        assertThat(filed.decisions()).last().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(FilingDecision.Decision.REINSTATE);
            assertThat(decision.decidedBy()).isEqualTo("city");
            assertThat(decision.reason()).contains("整改到位，经局务会研究同意恢复").contains("考核连续排名末位");
        });
    }

    @Test
    void aFilingWhoseCauseRemainsIsNotReinstatedAndTheServicesReasonIsShown_N3_7() {
        FiledInsurers.Insurer insurer = insurers.filed();
        creditLists.importCsv(InsurerFilingFixtures.CITY, "type,creditCode,name,listedOn,reason,source\n"
                + "DISHONEST_JUDGMENT_DEBTOR," + insurer.organization().creditCode() + ",分公司," + LocalDate.now(clock)
                + ",拒不履行判决,中国执行信息公开网\n");
        InsurerFiling suspended = current(insurer);
        assertThat(suspended.status()).isEqualTo(FilingStatus.SUSPENDED);
        PortalClient city = PortalClient.loggedIn(port, "city");

        HttpResponse<String> refused = city.post(PAGE, PAGE + "/" + suspended.id() + "/reinstate",
                Map.of("reason", "申请人称已履行"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("暂停原因尚未消除", "拒不履行判决", "value=\"申请人称已履行\"");
        assertThat(current(insurer).status()).isEqualTo(FilingStatus.SUSPENDED);
        assertThat(current(insurer).decisions()).noneMatch(d -> d.decision() == FilingDecision.Decision.REINSTATE);
    }

    @Test
    void countyOfficersAndInsurersGetTheRefusalPageAndReinstateNothing() {
        FiledInsurers.Insurer insurer = insurers.filed();
        gate.suspend(insurer.organization().id(), "考核处理");
        InsurerFiling suspended = current(insurer);
        for (String user : new String[] {"xinfu", "picc"}) {
            PortalClient portal = PortalClient.loggedIn(port, user);
            assertThat(portal.get(PAGE).statusCode()).isEqualTo(403);
            assertThat(portal.post("/portal", PAGE + "/" + suspended.id() + "/reinstate", Map.of("reason", "越权"))
                    .statusCode()).isEqualTo(403);
        }
        PortalClient clerk = new PortalClient(port);
        assertThat(clerk.login(insurer.clerk().userId(), insurer.clerk().userId()).statusCode()).isEqualTo(302);
        assertThat(clerk.post("/portal", PAGE + "/" + suspended.id() + "/reinstate", Map.of("reason", "自己恢复"))
                .statusCode()).as("the suspended insurer's own clerk").isEqualTo(403);
        assertThat(current(insurer).status()).isEqualTo(FilingStatus.SUSPENDED);

        PortalClient city = PortalClient.loggedIn(port, "city");
        HttpResponse<String> forged = city.postWithoutPage(PAGE + "/" + suspended.id() + "/reinstate",
                Map.of("reason", "伪造"));
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(current(insurer).status()).isEqualTo(FilingStatus.SUSPENDED);

        assertThat(city.post(PAGE, PAGE + "/" + suspended.id() + "/reinstate", Map.of("reason", "考核处理期满"))
                .statusCode()).isEqualTo(302);
        assertThat(current(insurer).status()).isEqualTo(FilingStatus.FILED);
    }

    private InsurerFiling current(FiledInsurers.Insurer insurer) {
        long id = filings.registerEntry(insurer.organization().id()).filingId();
        return filings.get(InsurerFilingFixtures.CITY, id);
    }
}
