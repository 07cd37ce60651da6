package org.anzexian.supervision.assessment;

import static org.anzexian.supervision.assessment.AssessmentCases.at;
import static org.anzexian.support.PortalBrowser.Step.click;
import static org.anzexian.support.PortalBrowser.Step.expectNoText;
import static org.anzexian.support.PortalBrowser.Step.expectText;
import static org.anzexian.support.PortalBrowser.Step.expectUrl;
import static org.anzexian.support.PortalBrowser.Step.go;
import static org.anzexian.support.PortalBrowser.Step.read;
import static org.anzexian.support.PortalBrowser.Step.shot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N9.2 in the portal: the city bureau reads a quarter's ranking and opens one organization's assessment
 * with the cases behind its figures. Screenshot: {@code target/screenshots/assessment-ranking.png}.
 */
@Tag("browser")
@AnzexianTest
class AssessmentRankingBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AssessmentService assessments;

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void theCityReadsAQuartersRankingAndTheCasesBehindAnInsurersFigures_N9_2() {
        InsuredProjects fixtures = new InsuredProjects(context);
        long projectId = jdbc.sql("SELECT MIN(project_id) FROM policy").query(Long.class).single();
        long builderId = jdbc.sql("SELECT construction_unit_id FROM project WHERE id = :id").param("id", projectId)
                .query(Long.class).single();
        AssessmentCases cases = new AssessmentCases(jdbc, projectId);
        Party good = fixtures.party(OrganizationType.INSURER, "140902");
        Party late = fixtures.party(OrganizationType.INSURER, "140902");
        cases.registration(good, at(2017, 2, 1), false);
        cases.registration(late, at(2017, 2, 1), true);
        long declined = cases.declinedQuotation(late, builderId, "DECLINED", at(2017, 3, 1), "施工单位安全生产许可证已过期");
        assessments.assess(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 4, 1));
        assessments.publish(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 4, 1));

        PortalBrowser.Run run = new PortalBrowser(port).walk("city", "city",
                go("/portal/assessments?periodEnd=2017-04-01"),
                expectText("2017-01-01 至 2017-03-31 考核排名"),
                expectText(good.name()),
                expectText("导出 Excel"),
                read("table.ranking tbody tr"),
                shot("assessment-ranking"),
                click(late.name()),
                expectUrl("/portal/assessments/"),
                expectText("第 2 名（共 2 家）"),
                expectText("施工单位安全生产许可证已过期"),
                expectText("quotation:" + declined),
                expectText("哈希链完整"),
                expectNoText(good.name()),
                shot("assessment-detail"));

        run.assertOk();
        assertThat(run.reads()).anySatisfy(line -> assertThat(line).contains(good.name(), "100.00", "优秀"))
                .anySatisfy(line -> assertThat(line).contains(late.name(), "95.00", "优秀"));
    }
}
