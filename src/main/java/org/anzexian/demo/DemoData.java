package org.anzexian.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.registry.person.CertificateType;
import org.anzexian.registry.person.NewPerson;
import org.anzexian.registry.person.PersonService;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.ParticipantRole;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectSubtype;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo organizations, projects, people and one login per role (README "Demo logins"; browser tests
 * rely on these user ids). Goes through the registry's services like any registration, as an
 * administrator; whatever exists already (by credit code, project code, user id) is left alone.
 * The password of each demo user is its id.
 */
@Component
@ConditionalOnProperty(name = "anzexian.demo-data.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Actor SYSTEM = new Actor("demoData", Set.of(PlatformGroups.ADMIN));

    private final OrganizationService organizations;
    private final PersonService people;
    private final ProjectService projects;
    private final GroupDirectory groups;

    DemoData(OrganizationService organizations, PersonService people, ProjectService projects, GroupDirectory groups) {
        this.organizations = organizations;
        this.people = people;
        this.projects = projects;
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        Organization city = bureau("忻州市住房和城乡建设局", "11140900MB0K00001", "140900", PlatformGroups.CITY_BUREAU);
        Organization xinfu = bureau("忻府区住建局", "11140902MB0K00002", "140902", PlatformGroups.county("140902"));
        Organization yuanping = bureau("原平市住建局", "11140981MB0K00003", "140981", PlatformGroups.county("140981"));
        Organization emergency = bureau("忻州市应急管理局", "11140900MB0K00004", "140900", PlatformGroups.EMERGENCY_BUREAU);
        Organization regulator = bureau("国家金融监督管理总局忻州监管分局", "11140900MB0K00005", "140900",
                PlatformGroups.FINANCIAL_REGULATOR);
        groups.ensureGroup(PlatformGroups.PROCESS_OWNERS, Role.PROCESS_OWNERS.label(), Role.PROCESS_OWNERS);

        Organization piccHead = organization(OrganizationType.INSURER, "中国人民财产保险股份有限公司",
                "91110000MA0K00001", null, null, "于泽");
        Organization picc = organization(OrganizationType.INSURER, "中国人民财产保险股份有限公司忻州市分公司",
                "91140900MA0K00011", piccHead.id(), "140902", "刘洋");
        Organization cpicHead = organization(OrganizationType.INSURER, "中国太平洋财产保险股份有限公司",
                "91310000MA0K00002", null, null, "顾越");
        Organization cpic = organization(OrganizationType.INSURER, "中国太平洋财产保险股份有限公司忻州中心支公司",
                "91140900MA0K00012", cpicHead.id(), "140902", "陈静");
        Organization anke = organization(OrganizationType.SERVICE_ORG, "山西安科安全技术咨询有限公司",
                "91140900MA0K00021", null, "140902", "杨帆");
        Organization jianan = organization(OrganizationType.SERVICE_ORG, "忻州建安工程技术服务有限公司",
                "91140981MA0K00022", null, "140981", "赵磊");
        Organization sijian = organization(OrganizationType.CONSTRUCTION_UNIT, "忻州市第四建筑工程有限公司",
                "91140902MA0K00031", null, "140902", "黄强");
        Organization erjian = organization(OrganizationType.CONSTRUCTION_UNIT, "原平市第二建筑工程有限公司",
                "91140981MA0K00032", null, "140981", "周勇");
        Organization design = organization(OrganizationType.PARTICIPANT, "忻州市建筑设计研究院有限公司",
                "91140900MA0K00041", null, "140902", "韩梅");
        Organization supervision = organization(OrganizationType.PARTICIPANT, "山西晋北工程监理有限公司",
                "91140900MA0K00042", null, "140902", "冯军");
        Organization labour = organization(OrganizationType.PARTICIPANT, "忻州恒达建筑劳务有限公司",
                "91140902MA0K00043", null, "140902", "曹亮");

        project(new NewProject("XF-2025-001", "和平街棚户区改造安置房项目（一期）", "忻州市忻府区和平街东段",
                "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, new BigDecimal("86500000.00"),
                LocalDate.of(2025, 3, 1), LocalDate.of(2027, 12, 31), PermitStatus.APPLIED, sijian.id(),
                "XF-SG-2025-018", List.of(),
                List.of(new NewProject.NewSubcontractor(labour.id(), new BigDecimal("15.00"))),
                List.of(new NewProject.NewParticipant(ParticipantRole.DESIGN, design.id(), null, null),
                        new NewProject.NewParticipant(ParticipantRole.SUPERVISION, supervision.id(), null, null))));
        project(new NewProject("YP-2025-001", "原平市东环路道路改造工程", "原平市东环路（大运路至京原路段）",
                "140981", ProjectCategory.MUNICIPAL, ProjectSubtype.ROAD, new BigDecimal("42300000.00"),
                LocalDate.of(2026, 10, 15), LocalDate.of(2028, 6, 30), PermitStatus.NONE, erjian.id(),
                "YP-SG-2025-006", List.of(),
                List.of(new NewProject.NewSubcontractor(labour.id(), new BigDecimal("10.00"))),
                List.of(new NewProject.NewParticipant(ParticipantRole.SURVEY, design.id(), null, null),
                        new NewProject.NewParticipant(ParticipantRole.SUPERVISION, null, "原平市正信工程监理有限公司",
                                CreditCode.withCheckCharacter("91140981MA0K00044")))));

        person(anke, "杨帆", "负责人", "高级工程师", 18, "anke", CertificateType.SAFETY_ENGINEER, "AQ-2019-140001");
        person(anke, "马超", "服务人员", "工程师", 8, null, CertificateType.FIRST_CLASS_CONSTRUCTOR, "JZ-2020-140002");
        person(jianan, "赵磊", "负责人", "高级工程师", 16, "jianan", CertificateType.SUPERVISION_ENGINEER, "JL-2015-140003");
        person(sijian, "黄强", "项目负责人", "高级工程师", 20, "sijian", CertificateType.FIRST_CLASS_CONSTRUCTOR,
                "JZ-2012-140004");
        person(picc, "刘洋", "理赔人员", "经济师", 6, "picc", null, null);

        List<String> logins = List.of(
                user("city", "建国", "王", city),
                user("xinfu", "明", "李", xinfu),
                user("yuanping", "伟", "张", yuanping),
                user("picc", "洋", "刘", picc),
                user("cpic", "静", "陈", cpic),
                user("anke", "帆", "杨", anke),
                user("jianan", "磊", "赵", jianan),
                user("sijian", "强", "黄", sijian),
                user("erjian", "勇", "周", erjian),
                user("emergency", "刚", "吴", emergency),
                user("regulator", "丽", "郑", regulator),
                user("owner", "涛", "孙", PlatformGroups.PROCESS_OWNERS));
        log.info("演示账号 demo logins (password = login; administrator demo/demo): {}", String.join(", ", logins));
    }

    private Organization bureau(String name, String creditCodeBody, String jurisdictionCode, String groupId) {
        return register(new NewOrganization(OrganizationType.BUREAU, name, CreditCode.withCheckCharacter(creditCodeBody),
                null, "局长", null, null, jurisdictionCode, groupId));
    }

    private Organization organization(OrganizationType type, String name, String creditCodeBody, Long parentId,
            String jurisdictionCode, String principal) {
        return register(new NewOrganization(type, name, CreditCode.withCheckCharacter(creditCodeBody), parentId,
                principal, null, "0350-0000000", jurisdictionCode, null));
    }

    private Organization register(NewOrganization organization) {
        return organizations.findByCreditCode(organization.creditCode())
                .orElseGet(() -> organizations.register(SYSTEM, organization));
    }

    private void project(NewProject project) {
        if (projects.findByCode(project.code()).isEmpty()) {
            projects.register(SYSTEM, project);
        }
    }

    private void person(Organization organization, String name, String role, String title, int years, String userId,
            CertificateType certificateType, String certificateNumber) {
        if (people.peopleOf(organization.id()).stream().anyMatch(person -> person.name().equals(name))) {
            return;
        }
        List<NewPerson.NewCertificate> certificates = certificateType == null ? List.of()
                : List.of(new NewPerson.NewCertificate(certificateType, certificateNumber, LocalDate.of(2028, 12, 31)));
        people.register(SYSTEM, new NewPerson(organization.id(), name, role, title, years, userId,
                userId == null ? null : email(userId), certificates));
    }

    private String user(String userId, String firstName, String lastName, Organization organization) {
        return user(userId, firstName, lastName, organization.groupId());
    }

    private String user(String userId, String firstName, String lastName, String groupId) {
        groups.ensureUser(userId, firstName, lastName, email(userId), userId);
        groups.ensureMembership(userId, groupId);
        return userId;
    }

    private static String email(String userId) {
        return userId + "@demo.anzexian.local";
    }
}
