package org.anzexian.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.insurer.InsurerRegisterEntry;
import org.anzexian.filing.serviceorg.RegisteredServiceOrg;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.team.RegistrationStatus;
import org.anzexian.service.team.ServiceTeamRegistration;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.UnderwritingService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.List;
import org.anzexian.supervision.assessment.Assessment;
import org.anzexian.supervision.assessment.AssessmentService;

/** The demo logins the README and the browser tests rely on; run on H2 and on PostgreSQL. */
abstract class DemoDataContract {

    @Autowired
    DemoData demoData;

    @Autowired
    DemoScenario demoScenario;

    @Autowired
    IdentityService identityService;

    @Autowired
    InsurerFilingService insurerFilings;

    @Autowired
    ServiceOrgFilingService serviceOrgFilings;

    @Autowired
    ProjectService projects;

    @Autowired
    UnderwritingService underwriting;

    @Autowired
    ServiceTeamRegistrationService registrations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CreditListService creditLists;

    @Autowired
    Clock clock;

    @Autowired
    DemoAssessment demoAssessment;

    @Autowired
    AssessmentService assessments;

    @Test
    void everyDemoLoginBelongsToItsRolesGroupAndHasItsIdAsPassword() {
        Map<String, String> groupTypeOf = Map.ofEntries(
                Map.entry("city", "cityBureau"), Map.entry("xinfu", "county"), Map.entry("yuanping", "county"),
                Map.entry("picc", "insurer"), Map.entry("cpic", "insurer"),
                Map.entry("anke", "serviceOrg"), Map.entry("jianan", "serviceOrg"),
                Map.entry("sijian", "builder"), Map.entry("erjian", "builder"),
                Map.entry("emergency", "emergencyBureau"), Map.entry("regulator", "financialRegulator"),
                Map.entry("owner", "processOwners"));
        groupTypeOf.forEach((userId, groupType) -> {
            assertThat(identityService.createGroupQuery().groupMember(userId).groupType(groupType).count())
                    .as(userId).isEqualTo(1);
            assertThat(identityService.checkPassword(userId, userId)).as(userId).isTrue();
            assertThat(identityService.createUserQuery().userId(userId).singleResult().getEmail())
                    .isEqualTo(userId + "@demo.anzexian.local");
        });
        assertThat(identityService.createGroupQuery().groupMember("xinfu").singleResult().getId()).isEqualTo("county140902");
        assertThat(identityService.createGroupQuery().groupMember("yuanping").singleResult().getId()).isEqualTo("county140981");
    }

    @Test
    void theTwoInsurersAreBranchesOfTheirParentCompanies() {
        String piccGroup = identityService.createGroupQuery().groupMember("picc").singleResult().getId();
        var picc = organizations.findByGroup(piccGroup).orElseThrow();
        assertThat(picc.name()).isEqualTo("中国人民财产保险股份有限公司忻州市分公司");
        assertThat(organizations.require(picc.parentId()).name()).isEqualTo("中国人民财产保险股份有限公司");
    }

    @Test
    void theDemoStoryFilesTheInsurersAndServiceOrgsAndInsuresXf2025001WithItsTeamRegistered() {
        assertThat(insurerFilings.register()).extracting(InsurerRegisterEntry::name)
                .contains("中国人民财产保险股份有限公司忻州市分公司", "中国太平洋财产保险股份有限公司忻州中心支公司");
        assertThat(serviceOrgFilings.register()).extracting(RegisteredServiceOrg::name)
                .contains("山西安科安全技术咨询有限公司", "忻州建安工程技术服务有限公司");
        Project project = projects.findByCode(DemoScenario.INSURED_PROJECT).orElseThrow();
        Policy policy = underwriting.effectivePolicy(project.constructionContract().id()).orElseThrow();
        assertThat(policy.insurerName()).isEqualTo("中国人民财产保险股份有限公司忻州市分公司");
        // 86,500,000 × 1.5 ‰
        assertThat(policy.premium()).isEqualByComparingTo("129750.00");
        ServiceTeamRegistration registration = registrations.require(policy.id());
        assertThat(registration.status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(organizations.require(registration.serviceOrgId()).name()).isEqualTo("山西安科安全技术咨询有限公司");
    }

    @Test
    void theLastQuarterIsAssessedAndPublishedOnceSoThePortalShowsARanking_N9_2() {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        List<Assessment> ranking = assessments.ranking(to.minusMonths(3), to);
        assertThat(ranking).extracting(Assessment::organizationName)
                .containsSubsequence("中国人民财产保险股份有限公司忻州市分公司", "中国太平洋财产保险股份有限公司忻州中心支公司");
        String published = "SELECT COUNT(*) FROM notification_notice WHERE reference = :ref";
        for (Assessment row : ranking) {
            assertThat(jdbc.sql(published).param("ref", "assessment:" + row.id()).query(Long.class).single()).isEqualTo(1);
        }
        long archived = count("organization_archive");
        long history = count("service_team_registration");

        demoAssessment.play();

        assertThat(assessments.ranking(to.minusMonths(3), to)).isEqualTo(ranking);
        assertThat(count("organization_archive")).isEqualTo(archived);
        assertThat(count("service_team_registration")).isEqualTo(history);
    }

    @Test
    void loadingTheDemoAgainChangesNothing() {
        Map<String, Long> before = counts();
        demoData.load();
        demoScenario.play();
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * Finding 9 of #11: once a demo insurer is no longer FILED (here the city bureau's credit-list
     * import suspends cpic), the story played again as at start-up skips that insurer's filing instead
     * of failing start-up with a ConflictException, and changes nothing else. cpic is reinstated after.
     */
    @Test
    void aSuspendedDemoInsurerDoesNotStopTheStoryAndIsLeftSuspended() {
        var cpic = organizations.findByCreditCode(CreditCode.withCheckCharacter("91140900MA0K00012")).orElseThrow();
        long filingId = insurerFilings.registerEntry(cpic.id()).filingId();
        Actor city = new Actor("city", Set.of(PlatformGroups.CITY_BUREAU));
        creditLists.importCsv(city, "type,creditCode,name,listedOn,reason,source\n"
                + "SERIOUS_DISHONESTY," + cpic.creditCode() + "," + cpic.name() + "," + LocalDate.now(clock)
                + ",演示：严重失信,信用中国\n");
        try {
            assertThat(insurerFilings.currentStatus(cpic.id())).contains(FilingStatus.SUSPENDED);
            Map<String, Long> before = counts();

            assertThatCode(() -> {
                demoData.load();
                demoScenario.play();
            }).doesNotThrowAnyException();

            assertThat(counts()).isEqualTo(before);
            assertThat(insurerFilings.currentStatus(cpic.id())).contains(FilingStatus.SUSPENDED);
            assertThat(insurerFilings.registerEntry(cpic.id()).filingId()).isEqualTo(filingId);
            Project project = projects.findByCode(DemoScenario.INSURED_PROJECT).orElseThrow();
            assertThat(underwriting.effectivePolicy(project.constructionContract().id())).isPresent();
        } finally {
            // the listing is test data: take it off again so the bureau can lift the suspension (the real path)
            jdbc.sql("DELETE FROM credit_list_entry WHERE credit_code = :code").param("code", cpic.creditCode()).update();
            insurerFilings.reinstate(city, filingId);
        }
        assertThat(insurerFilings.isFiled(cpic.id())).isTrue();
    }

    private Map<String, Long> counts() {
        return Map.of(
                "organization", count("organization"),
                "person", count("person"),
                "project", count("project"),
                "construction_contract", count("construction_contract"),
                "users", identityService.createUserQuery().count(),
                "insurer_filing", count("insurer_filing"),
                "service_org_filing", count("service_org_filing"),
                "policy", count("policy"),
                "service_team_registration", count("service_team_registration"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
