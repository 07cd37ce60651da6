package org.anzexian.filing.insurer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.ClaimsService;
import org.anzexian.filing.insurer.InsurerFilingData.Document;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.PreventionPlan;
import org.anzexian.filing.insurer.InsurerFilingData.Principal;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.ProofType;
import org.anzexian.filing.insurer.InsurerFilingData.RelatedOrganization;
import org.anzexian.filing.insurer.InsurerFilingData.Relation;
import org.anzexian.filing.insurer.InsurerFilingData.TeamMember;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.EngineDoors;

/** Test insurers (a head office and its branch, each with one clerk) and filings; every name is unique. */
final class InsurerFilingFixtures {

    static final Actor ADMIN = new Actor("filingTests", Set.of(PlatformGroups.ADMIN));
    static final Actor CITY = new Actor("city", Set.of(PlatformGroups.CITY_BUREAU));
    private static final String FILE_NAMES = "abcdef19";

    private final OrganizationService organizations;
    private final GroupDirectory groups;
    private final FileStore files;

    InsurerFilingFixtures(OrganizationService organizations, GroupDirectory groups, FileStore files) {
        this.organizations = organizations;
        this.groups = groups;
        this.files = files;
    }

    /** A branch, with its clerk, of a new head office. */
    Insurer branch() {
        return branchOf(headOffice());
    }

    Organization headOffice() {
        return organizations.register(ADMIN, new NewOrganization(OrganizationType.INSURER, "测试保险股份有限公司" + suffix(),
                creditCode(), null, "总经理", null, null, null, null));
    }

    Insurer branchOf(Organization parent) {
        String suffix = suffix();
        Organization branch = organizations.register(ADMIN, new NewOrganization(OrganizationType.INSURER,
                "测试保险忻州分公司" + suffix, creditCode(), parent.id(), "分公司经理", null, null, "140902", null));
        String userId = "fclerk" + suffix;
        String email = userId + "@filing.test.anzexian.local";
        groups.ensureUser(userId, "测试", "文员", email, userId);
        groups.ensureMembership(userId, branch.groupId());
        Actor clerk = new Actor(userId, Set.of(branch.groupId()));
        // a filing may refer only to files its insurer uploaded (#11): each clerk uploads the fixture files
        for (char name : FILE_NAMES.toCharArray()) {
            files.store("fixture-" + name + ".pdf", "application/pdf", content(name), clerk);
        }
        return new Insurer(branch, parent, clerk, email);
    }

    /** A filing that passes every check on {@code today} with the default DMN thresholds. */
    static InsurerFilingData passingData(Insurer insurer, LocalDate today) {
        return new InsurerFilingData(
                insurer.organization().id(),
                insurer.parent().name(),
                insurer.parent().creditCode(),
                hash('a'),
                new License("BL-" + suffix(), today.plusYears(2), hash('b')),
                new License("IL-" + suffix(), today.plusYears(2), hash('c')),
                new Principal("刘洋", "0350-1234567"),
                List.of(new RelatedOrganization(Relation.CONTROLLED_BY, insurer.parent().name(), insurer.parent().creditCode())),
                new AuditReport(2023, "忻州正信会计师事务所", new BigDecimal("185.30"), new BigDecimal("120.00"), true, hash('d')),
                List.of(new ProjectLead("王强", 8, ProofType.SOCIAL_INSURANCE, hash('e')),
                        new ProjectLead("李娜", 5, ProofType.DIPLOMA, hash('f'))),
                List.of(new TeamMember("张伟", "安责险业务部经理", "13800000001")),
                new Document("建筑施工安全生产责任保险方案", null),
                new Document(null, hash('1')),
                new ClaimsService(new Document("接报案后24小时内查勘", null), "0350-95518",
                        List.of(new TeamMember("赵敏", "理赔专员", "13800000002"))),
                new PreventionPlan(new Document("每月一次事故预防服务", null), "按季度考核服务机构，末位约谈"),
                new Experience(500, 120, 300));
    }

    /** The stored fixture file of that name (see the constructor). */
    static String hash(char name) {
        return FileStore.sha256(content(name));
    }

    /** The fixture document of that name as an embedded form's file input sends it. */
    static EngineDoors.Upload upload(char name) {
        return new EngineDoors.Upload("fixture-" + name + ".pdf", "application/pdf", content(name));
    }

    /** The upload fields of the filing forms. */
    static final List<String> FILE_FIELDS = List.of("parentAuthorizationFile", "businessLicenseFile", "insuranceLicenseFile",
            "auditReportFile", "lead1ProofFile");

    /** Form values for the engine's Java API: each upload as the File variable the Tasklist makes of it. */
    static Map<String, Object> asEngineVariables(Map<String, Object> form) {
        return EngineDoors.Upload.asEngineVariables(form);
    }

    private static byte[] content(char name) {
        return ("%PDF-1.4 filing test document " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String creditCode() {
        StringBuilder body = new StringBuilder("91149");
        for (int i = 0; i < 12; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(body.toString());
    }

    private static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    record Insurer(Organization organization, Organization parent, Actor clerk, String email) {

        String groupId() {
            return organization.groupId();
        }
    }
}
