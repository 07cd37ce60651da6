package org.anzexian.supervision.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.anzexian.claim.AccidentType;
import org.anzexian.claim.ClaimReport;
import org.anzexian.claim.ClaimService;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardEvidence;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.DueJobs;
import org.anzexian.supervision.casepage.CaseFixtures.Site;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.PortalClient;
import org.anzexian.support.Processes;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TestSmtp;
import org.anzexian.underwriting.PolicyUnderwritingProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's case pages and 我的事项 (#14, N6.4, DESIGN.md §5) over records made by the real flows: a
 * hazard raised as a visit raises it, its steps done through {@code /api} and the Tasklist's form door;
 * H2 and PostgreSQL.
 */
abstract class CasePagesContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired Clock clock;
    @Autowired HazardService hazards;
    @Autowired ClaimService claims;
    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    CaseFixtures fixtures;
    InsuredProjects insuredProjects;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(context);
        insuredProjects = fixtures.insuredProjects;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    Site site() {
        return fixtures.site();
    }

    long raise(Site site, HazardSeverity severity) {
        return fixtures.raise(site, severity);
    }

    ProcessInstance instance(long hazardId) {
        return fixtures.instance(hazardId);
    }

    Task task(long hazardId, String taskKey) {
        return fixtures.task(hazardId, taskKey);
    }

    // --- a hazard's case page ------------------------------------------------------------------------

    @Test
    void aHazardFoundAndItsProcessStartedInTheSameMillisecondStillShowInTheOrderTheyHappened_N6_4() {
        // the archive keeps microseconds and the engine milliseconds: with the clock held still both carry one time
        ClockUtil.setCurrentTime(new Date());
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);

        String page = ok(PortalClient.loggedIn(port, "city").get("/portal/cases/hazard/" + id));

        assertThat(timeline(page)).containsSubsequence("发现隐患", "流程发起", "下达整改");
    }

    @Test
    void aHazardsCasePageShowsItsFactsItsOpenTaskWithTheHoldingOrganizationAndItsTimelineInOrder_N6_4() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        Task rectify = task(id, HazardRectificationProcess.TASK_RECTIFY);

        String page = ok(PortalClient.loggedIn(port, "city").get("/portal/cases/hazard/" + id));

        assertThat(page).contains(site.insured().project().name(), site.insured().project().code(), "忻府区",
                "一般隐患", "3 号楼东侧外架 12 层", site.insured().builder().name(), site.verifier().name(),
                "/portal/cases/project/" + site.insured().project().id(),
                "/portal/cases/policy/" + site.insured().policy().id(),
                "/api/hazards/" + id + "/files/", "found.jpg");
        String tasks = section(page, "待办任务");
        assertThat(tasks).contains("整改隐患并上传整改材料", site.insured().builder().name(),
                "/camunda/app/tasklist/default/#/?task=" + rectify.getId());
        // the archive records the hazard, then its process starts and opens the rectification
        assertThat(timeline(page)).containsSubsequence("发现隐患", "流程发起", "下达整改");

        // the builder submits its evidence through /api: the engine's step and the archive's entry follow
        String after = files.store("fixed.jpg", "image/jpeg", SampleFiles.jpeg(), site.insured().builder().actor()).sha256();
        hazards.submitEvidence(site.insured().builder().actor(), id, new HazardEvidence("已补设连墙件", List.of(after)));
        String later = ok(PortalClient.loggedIn(port, site.insured().builder().user()).get("/portal/cases/hazard/" + id));
        assertThat(timeline(later)).containsSubsequence("发现隐患", "流程发起", "下达整改", "提交整改材料",
                "完成：整改隐患并上传整改材料");
        assertThat(section(later, "办理经过")).contains(site.insured().builder().user());
        assertThat(section(later, "待办任务")).contains("复核整改", site.verifier().name())
                .doesNotContain("整改隐患并上传整改材料");
        assertThat(section(later, "文件")).contains("fixed.jpg");
        // the page's file links are the hazard's /api downloads, which the page's reader may follow
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/api/hazards/" + id + "/files/[0-9a-f]{64})\"")
                .matcher(section(later, "文件"));
        assertThat(link.find()).isTrue();
        assertThat(PortalClient.loggedIn(port, site.insured().builder().user()).getBytes(link.group(1)).statusCode())
                .isEqualTo(200);
    }

    // --- who may see which case page --------------------------------------------------------------------

    @Test
    void everyKindOfCasePageIsShownToItsPartiesAndToNobodyElse_N6_4() {
        ServicedProject serviced = insuredProjects.serviced();
        Site site = new Site(new InsuredProject(serviced.project(), serviced.policy(), serviced.insurer(), serviced.builder()),
                serviced.serviceOrg());
        long hazardId = raise(site, HazardSeverity.GENERAL);
        long claimId = report(serviced.builder(), serviced.policy().policyNumber());
        long visitId = jdbc.sql("SELECT MIN(id) FROM visit WHERE policy_id = :policy")
                .param("policy", serviced.policy().id()).query(Long.class).single();
        long insurerFilingId = jdbc.sql("SELECT MAX(id) FROM insurer_filing WHERE insurer_org_id = :org")
                .param("org", serviced.insurer().id()).query(Long.class).single();
        long serviceOrgFilingId = jdbc.sql("SELECT MAX(id) FROM service_org_filing WHERE organization_id = :org")
                .param("org", serviced.serviceOrg().id()).query(Long.class).single();
        Party otherBuilder = insuredProjects.party(OrganizationType.CONSTRUCTION_UNIT, InsuredProjects.COUNTY);
        Party otherInsurer = insuredProjects.party(OrganizationType.INSURER, InsuredProjects.COUNTY);
        Party otherServiceOrg = insuredProjects.party(OrganizationType.SERVICE_ORG, InsuredProjects.COUNTY);

        record Door(String path, String rightful, String other, String shows) {
        }
        List<Door> doors = List.of(
                new Door("/portal/cases/project/" + serviced.project().id(), serviced.builder().user(), otherBuilder.user(),
                        serviced.project().name()),
                new Door("/portal/cases/policy/" + serviced.policy().id(), serviced.insurer().user(), otherInsurer.user(),
                        serviced.policy().policyNumber()),
                new Door("/portal/cases/hazard/" + hazardId, serviced.builder().user(), otherBuilder.user(),
                        "3 号楼东侧外架 12 层"),
                new Door("/portal/cases/visit/" + visitId, serviced.serviceOrg().user(), otherServiceOrg.user(),
                        serviced.serviceOrg().name()),
                new Door("/portal/cases/claim/" + claimId, serviced.builder().user(), otherBuilder.user(),
                        "2号楼东侧脚手架"),
                new Door("/portal/cases/insurer-filing/" + insurerFilingId, serviced.insurer().user(), otherInsurer.user(),
                        "保险机构备案"),
                new Door("/portal/cases/service-org-filing/" + serviceOrgFilingId, serviced.serviceOrg().user(),
                        otherServiceOrg.user(), serviced.serviceOrg().name()));
        for (Door door : doors) {
            assertThat(ok(PortalClient.loggedIn(port, door.rightful()).get(door.path()))).as(door.path()).contains(door.shows());
            assertThat(ok(PortalClient.loggedIn(port, "city").get(door.path()))).as(door.path()).contains(door.shows());
            HttpResponse<String> refused = PortalClient.loggedIn(port, door.other()).get(door.path());
            // as through /api: to whoever may not see it the record does not exist (its existence is not disclosed)
            assertThat(refused.statusCode()).as(door.path()).isEqualTo(404);
            assertThat(refused.body()).as(door.path()).contains("未找到").doesNotContain(door.shows());
        }
        // the same on /api, the door the page reads through
        assertThat(http.withBasicAuth(serviced.builder().user(), serviced.builder().user())
                .getForEntity("/api/hazards/" + hazardId, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth(otherBuilder.user(), otherBuilder.user())
                .getForEntity("/api/hazards/" + hazardId, String.class).getStatusCode().value()).isEqualTo(404);
        // a county sees its area's hazard, another county does not
        assertThat(PortalClient.loggedIn(port, "xinfu").get("/portal/cases/hazard/" + hazardId).statusCode()).isEqualTo(200);
        assertThat(PortalClient.loggedIn(port, "yuanping").get("/portal/cases/hazard/" + hazardId).statusCode()).isEqualTo(404);
        assertThat(PortalClient.loggedIn(port, "city").get("/portal/cases/nonsense/1").statusCode()).isEqualTo(404);
    }

    @Test
    void theTasklistsLinkLeadsFromAProcessInstanceToItsRecordsCasePage() {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        PortalClient builder = PortalClient.loggedIn(port, site.insured().builder().user());

        HttpResponse<String> hazard = builder.get("/portal/cases/process/" + instance(id).getId());
        assertThat(hazard.statusCode()).isEqualTo(302);
        assertThat(hazard.headers().firstValue("Location").orElseThrow()).endsWith("/portal/cases/hazard/" + id);

        String underwriting = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PolicyUnderwritingProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(site.insured().policy().quotationId())).singleResult().getId();
        HttpResponse<String> policy = builder.get("/portal/cases/process/" + underwriting);
        assertThat(policy.headers().firstValue("Location").orElseThrow())
                .endsWith("/portal/cases/policy/" + site.insured().policy().id());

        assertThat(builder.get("/portal/cases/process/no-such-instance").statusCode()).isEqualTo(404);
        // the redirect tells nothing; the case page checks who may see it
        Party otherBuilder = insuredProjects.party(OrganizationType.CONSTRUCTION_UNIT, InsuredProjects.COUNTY);
        PortalClient other = PortalClient.loggedIn(port, otherBuilder.user());
        HttpResponse<String> redirected = other.get("/portal/cases/process/" + instance(id).getId());
        assertThat(other.get(redirected.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .statusCode()).isEqualTo(404);
    }

    // --- 我的事项 ----------------------------------------------------------------------------------------

    @Test
    void myMattersListsTheClaimABuilderReportedAndTheHazardACountyOfficerSupervised() {
        Site site = site();
        long claimId = report(site.insured().builder(), site.insured().policy().policyNumber());
        String builderMatters = ok(PortalClient.loggedIn(port, site.insured().builder().user()).get("/portal/my"));
        assertThat(row(builderMatters, "/portal/cases/claim/" + claimId)).contains("理赔", "提交", "进行中");

        Date raisedAt = ClockUtil.getCurrentTime();
        long hazardId = raise(site, HazardSeverity.GENERAL);
        Processes.moveClock(raisedAt, Duration.ofDays(7).plusMinutes(1));
        DueJobs.run(engine, instance(hazardId));
        Task supervision = task(hazardId, HazardRectificationProcess.TASK_COUNTY_SUPERVISION);
        assertThat(supervision).isNotNull();
        String countyGroup = PlatformGroups.county(InsuredProjects.COUNTY);
        PortalClient xinfu = PortalClient.loggedIn(port, "xinfu");
        assertThat(row(ok(xinfu.get("/portal/cases/hazard/" + hazardId)), "督办逾期隐患"))
                .contains("忻府区住建局");

        engine.getIdentityService().setAuthentication("xinfu", List.of(countyGroup));
        try {
            engine.getFormService().submitTaskForm(supervision.getId(),
                    Map.of(HazardRectificationProcess.VAR_SUPERVISION_NOTE, "已约谈施工单位项目经理"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        String countyMatters = ok(xinfu.get("/portal/my?show=all&size=200"));
        assertThat(row(countyMatters, "/portal/cases/hazard/" + hazardId)).contains("隐患", "办理", "进行中");
        String timeline = String.join("\n", timeline(ok(xinfu.get("/portal/cases/hazard/" + hazardId))));
        assertThat(timeline).contains("完成：督办逾期隐患", "定时触发：整改期限届满", "县级督办");
        // the builder did not take part in the hazard: it is not among its matters
        assertThat(ok(PortalClient.loggedIn(port, site.insured().builder().user()).get("/portal/my?show=all")))
                .doesNotContain("/portal/cases/hazard/" + hazardId + "\"");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    long report(Party builder, String policyNumber) {
        return claims.report(builder.actor(), new ClaimReport(policyNumber, InsuredProjects.recentAccident(clock),
                "2号楼东侧脚手架", AccidentType.FALL_FROM_HEIGHT, 0, 1, "一名工人拆除脚手架时坠落受伤", "李安全",
                "13900000000", null, null)).id();
    }

    static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** The HTML of the page's section whose heading is {@code heading}. */
    static String section(String page, String heading) {
        int start = page.indexOf(">" + heading + "</h2>");
        assertThat(start).as("section " + heading).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    /** The labels of the timeline's entries, in order. */
    static List<String> timeline(String page) {
        return java.util.regex.Pattern.compile("<strong>([^<]*)</strong>").matcher(section(page, "办理经过")).results()
                .map(match -> match.group(1)).toList();
    }

    /** The table row that contains {@code text}. */
    static String row(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as("row with " + text).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
