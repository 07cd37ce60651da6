package org.anzexian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.insurer.InsurerRegisterEntry;
import org.anzexian.filing.serviceorg.RegisteredServiceOrg;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
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
    void loadingTheDemoAgainChangesNothing() {
        Map<String, Long> before = counts();
        demoData.load();
        demoScenario.play();
        assertThat(counts()).isEqualTo(before);
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
