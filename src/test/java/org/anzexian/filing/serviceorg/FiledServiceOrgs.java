package org.anzexian.filing.serviceorg;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.SampleFiles;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.camunda.bpm.engine.ManagementService;

/**
 * Filed service organizations for other modules' tests: registers one, files it through the real
 * filing flow (N7 checks pass) and approves it as the city bureau. Its roster: {@link #ROSTER}.
 */
public final class FiledServiceOrgs {

    /** The filed staff of every organization made here; the fixed team is the first three. */
    public static final List<String> ROSTER = List.of("高工甲", "注册乙", "注册丁", "员工丙", "员工戊");

    private static final Actor ADMIN = new Actor("test", Set.of(PlatformGroups.ADMIN));
    private static final Actor CITY = new Actor("city", Set.of(PlatformGroups.CITY_BUREAU));

    private final OrganizationService organizations;
    private final GroupDirectory groups;
    private final FileStore files;
    private final ServiceOrgFilingService filings;
    private final ManagementService management;

    public FiledServiceOrgs(OrganizationService organizations, GroupDirectory groups, FileStore files,
            ServiceOrgFilingService filings, ManagementService management) {
        this.organizations = organizations;
        this.groups = groups;
        this.files = files;
        this.filings = filings;
        this.management = management;
    }

    /**
     * The fields of the Tasklist form {@code serviceOrgFiling.html} at the start for a filing that passes
     * N7.1–N7.5 (#12): the rows as the form sends them (one JSON list per group), the quality-system
     * document and one engagement proof uploaded; {@code suffix} makes the certificate numbers unique.
     */
    public static Map<String, Object> startForm(String suffix) {
        Map<String, Object> form = new HashMap<>();
        form.put("principal", "杨帆");
        form.put("phone", "0350-1234567");
        form.put("address", "忻州市忻府区");
        form.put("qualificationClass", "B");
        form.put("qualificationNumber", "JL-B-" + suffix);
        form.put("qualificationValidUntil", LocalDate.now().plusYears(3).toString());
        form.put("noBadRecordDeclared", true);
        form.put("qualitySystem", "项目负责人、技术负责人、机构三级审核的质量控制体系");
        form.put("engagementRows", "[{\"client\":\"中国人民财产保险股份有限公司忻州市分公司\",\"clientType\":\"INSURER\","
                + "\"from\":\"" + LocalDate.now().minusYears(1) + "\",\"to\":null}]");
        form.put("teamRows", "[{\"name\":\"高工甲\",\"role\":\"TECHNICAL_LEAD\"},{\"name\":\"注册乙\",\"role\":\"PROJECT_LEAD\"},"
                + "{\"name\":\"员工丙\",\"role\":\"SERVICE_STAFF\"},{\"name\":null,\"role\":null}]");
        form.put("staffRows", """
                [{"name":"高工甲","title":"高级工程师","safetyYears":"16","certificateType":"SAFETY_ENGINEER","certificateNumber":"AQ-%1$s-1","certificateValidUntil":"2099-12-31"},
                 {"name":"注册乙","title":"工程师","safetyYears":"11","certificateType":"FIRST_CLASS_CONSTRUCTOR","certificateNumber":"JZ-%1$s-2","certificateValidUntil":"2099-12-31"},
                 {"name":"注册丁","title":"工程师","safetyYears":"10","certificateType":"FIRE_ENGINEER","certificateNumber":"XF-%1$s-3","certificateValidUntil":"2099-12-31"},
                 {"name":"员工丙","title":"助理工程师","safetyYears":"6","certificateType":null,"certificateNumber":null,"certificateValidUntil":null},
                 {"name":"员工戊","title":"助理工程师","safetyYears":"5"}]""".formatted(suffix));
        form.put("qualitySystemFile", new EngineDoors.Upload("质量控制体系.pdf", "application/pdf",
                SampleFiles.pdf("质量控制体系 " + suffix)));
        form.put("evidenceFile1", new EngineDoors.Upload("委托合同.pdf", "application/pdf", SampleFiles.pdf("委托合同 " + suffix)));
        return form;
    }

    /** A service organization with a member (user id = password) and its parent company, if any. */
    public record ServiceOrg(long id, String name, String creditCode, String group, String user, String email) {
    }

    /** A registered service organization, not filed. */
    public ServiceOrg registered(Long parentId) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String creditCode = CreditCode.withCheckCharacter("91140900MA" + digits(7));
        Organization organization = organizations.register(ADMIN, new NewOrganization(OrganizationType.SERVICE_ORG,
                "受托安全技术服务有限公司" + suffix, creditCode, parentId, "负责人", null, null, "140902", null));
        String user = "so" + suffix;
        groups.ensureUser(user, "员", "测", user + "@example.test", user);
        groups.ensureMembership(user, organization.groupId());
        return new ServiceOrg(organization.id(), organization.name(), creditCode, organization.groupId(), user,
                user + "@example.test");
    }

    /** A service organization in the register of filed organizations, with {@link #ROSTER}. */
    public ServiceOrg filed(Long parentId) {
        ServiceOrg org = registered(parentId);
        ServiceOrgFiling filing = filings.submit(new Actor(org.user(), Set.of(org.group())), eligible(org));
        if (filing.status() != FilingStatus.IN_REVIEW) {
            throw new IllegalStateException("fixture filing did not pass its checks: " + filing.checks());
        }
        filings.review(CITY, filing.id(), ReviewDecision.APPROVE, null);
        management.createJobQuery().processInstanceId(filing.processInstanceId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        if (filings.require(filing.id()).status() != FilingStatus.FILED) {
            throw new IllegalStateException("fixture filing was not filed");
        }
        return org;
    }

    /** A filing under way and the organization that submitted it. */
    public record Submitted(ServiceOrgFiling filing, ServiceOrg org) {
    }

    /** A new organization's filing that passed its checks and waits for the city bureau's review. */
    public Submitted inReview() {
        ServiceOrg org = registered(null);
        return new Submitted(filings.submit(new Actor(org.user(), Set.of(org.group())), eligible(org)), org);
    }

    /** A new organization's filing without the clean-record declaration: it waits for the organization's correction. */
    public Submitted needingCorrection() {
        ServiceOrg org = registered(null);
        ServiceOrgFilingRequest eligible = eligible(org);
        ServiceOrgFilingRequest undeclared = new ServiceOrgFilingRequest(eligible.creditCode(), eligible.companyName(),
                eligible.address(), eligible.principal(), eligible.phone(), eligible.qualification(), eligible.engagements(),
                eligible.evidenceFiles(), false, eligible.qualitySystem(), eligible.qualitySystemFile(), eligible.team(),
                eligible.staff());
        return new Submitted(filings.submit(new Actor(org.user(), Set.of(org.group())), undeclared), org);
    }

    private ServiceOrgFilingRequest eligible(ServiceOrg org) {
        LocalDate valid = LocalDate.now().plusYears(3);
        String s = org.user();
        List<StaffMember> staff = List.of(
                new StaffMember(ROSTER.get(0), "高级工程师", 16, List.of(new StaffCertificate("SAFETY_ENGINEER", "AQ" + s, valid))),
                new StaffMember(ROSTER.get(1), "工程师", 11, List.of(new StaffCertificate("FIRST_CLASS_CONSTRUCTOR", "JZ" + s, valid))),
                new StaffMember(ROSTER.get(2), "工程师", 10, List.of(new StaffCertificate("SUPERVISION_ENGINEER", "JL" + s, valid))),
                new StaffMember(ROSTER.get(3), "助理工程师", 6, List.of()),
                new StaffMember(ROSTER.get(4), "助理工程师", 5, List.of()));
        List<TeamMember> team = List.of(new TeamMember(ROSTER.get(0), TeamRole.TECHNICAL_LEAD),
                new TeamMember(ROSTER.get(1), TeamRole.PROJECT_LEAD), new TeamMember(ROSTER.get(3), TeamRole.SERVICE_STAFF));
        String evidence = files.store("委托合同.pdf", "application/pdf", SampleFiles.pdf("合同 " + s),
                new Actor(org.user(), Set.of(org.group()))).sha256();
        return new ServiceOrgFilingRequest(org.creditCode(), org.name(), "忻州市忻府区", "杨帆", "0350-1234567",
                new ServiceOrgFilingRequest.Qualification("JL-B-" + s, QualificationClass.B, valid),
                List.of(new Engagement("中国人民财产保险股份有限公司忻州市分公司", ClientType.INSURER,
                        LocalDate.now().minusYears(1), null)),
                List.of(evidence), true, "项目负责人、技术负责人、机构三级审核的质量控制体系", null, team, staff);
    }

    private static String digits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
