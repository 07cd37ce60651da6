package org.anzexian.support;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.filing.insurer.FiledInsurers;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.serviceorg.FiledServiceOrgs;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectSubtype;
import org.anzexian.service.team.ServiceTeamRegistration;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.service.team.ServiceTeamRequest;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;
import org.anzexian.underwriting.NewQuotationRequest;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.PolicyUnderwritingProcess;
import org.anzexian.underwriting.UnderwritingService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Projects as later stages find them: insured through the real {@code policyUnderwriting} path (a filed
 * insurer, the builder's quotation request, letter, application, review, full premium), and, for
 * {@link #serviced}, with the service team registered through {@code serviceTeamRegistration}. Every
 * call makes new organizations, users (password = user id) and a new project, so tests do not share state.
 */
public final class InsuredProjects {

    /** The demo county the fixture's projects lie in (忻府区), served by demo user {@code xinfu}. */
    public static final String COUNTY = "140902";
    public static final BigDecimal CONTRACT_AMOUNT = new BigDecimal("12000000.00");
    /** The policy's limits as the fixture's quotation letter sets them (yuan). */
    public static final BigDecimal DEATH_DISABILITY_LIMIT = new BigDecimal("1000000");
    public static final BigDecimal TOTAL_LIMIT = new BigDecimal("10000000");
    /** The registered prevention team (names from {@link FiledServiceOrgs#ROSTER}). */
    public static final String TECHNICAL_LEAD = "高工甲";
    public static final String PROJECT_LEAD = "注册乙";
    public static final List<String> SERVICE_STAFF = List.of("员工丙", "员工戊");

    private static final Actor ADMIN = new Actor("insuredProjects", Set.of(PlatformGroups.ADMIN));

    private final ProcessEngine engine;
    private final OrganizationService organizations;
    private final ProjectService projects;
    private final GroupDirectory groups;
    private final FileStore files;
    private final UnderwritingService underwriting;
    private final ServiceTeamRegistrationService registrations;
    private final FiledInsurers insurers;
    private final FiledServiceOrgs serviceOrgs;
    private final Clock clock;

    public InsuredProjects(ApplicationContext context) {
        this.engine = context.getBean(ProcessEngine.class);
        this.organizations = context.getBean(OrganizationService.class);
        this.projects = context.getBean(ProjectService.class);
        this.groups = context.getBean(GroupDirectory.class);
        this.files = context.getBean(FileStore.class);
        this.underwriting = context.getBean(UnderwritingService.class);
        this.registrations = context.getBean(ServiceTeamRegistrationService.class);
        this.clock = context.getBean(Clock.class);
        this.insurers = new FiledInsurers(organizations, groups, files, context.getBean(InsurerFilingService.class),
                engine, clock);
        this.serviceOrgs = new FiledServiceOrgs(organizations, groups, files,
                context.getBean(ServiceOrgFilingService.class), engine.getManagementService());
    }

    /** An organization as a test acts for it: one member whose password is its user id. */
    public record Party(long id, String name, String group, String user, String email) {

        public Actor actor() {
            return new Actor(user, Set.of(group));
        }
    }

    public record InsuredProject(Project project, Policy policy, Party insurer, Party builder) {
    }

    public record ServicedProject(Project project, Policy policy, Party insurer, Party builder, Party serviceOrg,
            ServiceTeamRegistration registration) {
    }

    /** A project in {@link #COUNTY} whose contract runs from today for 18 months, with an issued policy. */
    public InsuredProject insured() {
        return insured(COUNTY, ProjectCategory.BUILDING, CONTRACT_AMOUNT);
    }

    public InsuredProject insured(String jurisdictionCode, ProjectCategory category, BigDecimal contractAmount) {
        FiledInsurers.Insurer filed = insurers.filed();
        Party insurer = new Party(filed.organization().id(), filed.organization().name(), filed.organization().groupId(),
                filed.clerk().userId(), filed.email());
        Party builder = builder(jurisdictionCode);
        Project project = project(builder, jurisdictionCode, category, contractAmount);
        long quotationId = underwriting.requestQuotations(builder.actor(),
                new NewQuotationRequest(project.id(), List.of(insurer.id()))).quotations().get(0).id();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(quotationId), PolicyUnderwritingProcess.KEY).singleResult();
        complete(instance, filed.clerk(), letter());
        complete(instance, builder.actor(), application(builder));
        complete(instance, filed.clerk(), Map.of(VAR_REVIEW_DECISION, ACCEPT));
        BigDecimal premium = contractAmount.multiply(new BigDecimal("0.0015")).setScale(2);
        complete(instance, filed.clerk(), Map.of(VAR_PREMIUM_RECEIVED, premium.doubleValue(), VAR_PAID_IN_ONE_PAYMENT, true));
        DueJobs.run(engine, instance);
        Policy policy = underwriting.effectivePolicy(project.constructionContract().id())
                .orElseThrow(() -> new IllegalStateException("fixture policy was not issued"));
        return new InsuredProject(project, policy, insurer, builder);
    }

    /** {@link #insured()} plus a filed service organization registered with the standard team. */
    public ServicedProject serviced() {
        return serviced(insured());
    }

    public ServicedProject serviced(InsuredProject insured) {
        Party serviceOrg = filedServiceOrg();
        long policyId = insured.policy().id();
        registrations.submit(insured.insurer().actor(), policyId, new ServiceTeamRequest(
                List.of(new InsurerMember("王保", "项目经理", "13800000000", null)), serviceOrg.id(), TECHNICAL_LEAD,
                PROJECT_LEAD, SERVICE_STAFF));
        ProcessInstance registration = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(policyId), ServiceTeamRegistrationProcess.KEY).singleResult();
        if (registration != null) {
            DueJobs.run(engine, registration);
        }
        return new ServicedProject(insured.project(), insured.policy(), insured.insurer(), insured.builder(), serviceOrg,
                registrations.require(policyId));
    }

    /** A new service organization in the register of filed ones, its staff {@link FiledServiceOrgs#ROSTER}. */
    public Party filedServiceOrg() {
        FiledServiceOrgs.ServiceOrg filed = serviceOrgs.filed(null);
        return new Party(filed.id(), filed.name(), filed.group(), filed.user(), filed.email());
    }

    /** A member (user id = password) of a new organization of {@code type} in that jurisdiction. */
    public Party party(OrganizationType type, String jurisdictionCode) {
        String suffix = suffix();
        Organization organization = organizations.register(ADMIN, new NewOrganization(type,
                "测试单位" + suffix, creditCode(), null, "负责人", null, null, jurisdictionCode, null));
        String user = "u" + suffix;
        String email = user + "@fixture.anzexian.local";
        groups.ensureUser(user, "测试", "用户", email, user);
        groups.ensureMembership(user, organization.groupId());
        return new Party(organization.id(), organization.name(), organization.groupId(), user, email);
    }

    /**
     * Stores a small PDF uploaded by the party and returns its SHA-256, for fields that refer to files
     * (only the uploader's organization may attach it, #11).
     */
    /**
     * An accident two hours ago, but not before today began: the policies of {@link #insured()} cover from today,
     * and in the first two hours of a day (in the clock's zone) two hours ago would be yesterday, outside them.
     */
    public static OffsetDateTime recentAccident(Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime todayBegan = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime twoHoursAgo = now.minusHours(2);
        return twoHoursAgo.isBefore(todayBegan) ? todayBegan : twoHoursAgo;
    }

    /** A PDF as the Tasklist's embedded forms upload it: a {@code File} variable (#12). */
    public static org.camunda.bpm.engine.variable.value.FileValue upload(String text) {
        byte[] bytes = SampleFiles.pdf(text + " " + UUID.randomUUID());
        return org.camunda.bpm.engine.variable.Variables.fileValue(text.replace(' ', '-') + ".pdf").file(bytes)
                .mimeType("application/pdf").create();
    }

    public String storedFile(Party uploader, String text) {
        byte[] bytes = SampleFiles.pdf(text + " " + UUID.randomUUID());
        return files.store(text + ".pdf", "application/pdf", bytes, uploader.actor()).sha256();
    }

    private Party builder(String jurisdictionCode) {
        return party(OrganizationType.CONSTRUCTION_UNIT, jurisdictionCode);
    }

    private Project project(Party builder, String jurisdictionCode, ProjectCategory category, BigDecimal amount) {
        String suffix = suffix();
        LocalDate start = LocalDate.now(clock);
        ProjectSubtype subtype = category == ProjectCategory.BUILDING ? ProjectSubtype.RESIDENTIAL : firstSubtypeOf(category);
        return projects.register(ADMIN, new NewProject("IP-" + suffix, "测试工程" + suffix, "测试路" + suffix + "号",
                jurisdictionCode, category, subtype, amount, start, start.plusMonths(18), PermitStatus.NONE,
                builder.id(), "HT-" + suffix, List.of(), List.of(), List.of()));
    }

    private static ProjectSubtype firstSubtypeOf(ProjectCategory category) {
        for (ProjectSubtype subtype : ProjectSubtype.values()) {
            if (subtype.category() == category) {
                return subtype;
            }
        }
        throw new IllegalArgumentException("no subtype for " + category);
    }

    private Map<String, Object> letter() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_QUOTATION_DECISION, ISSUE);
        variables.put(VAR_INSURANCE_PLAN, "主险：建筑施工安全生产责任保险");
        variables.put(VAR_PREMIUM_RATE, 1.5);
        variables.put(VAR_PREMIUM_RATE_UNIT, "permille");
        variables.put(VAR_DEATH_DISABILITY_LIMIT, DEATH_DISABILITY_LIMIT.intValue());
        variables.put(VAR_TOTAL_LIMIT, TOTAL_LIMIT.intValue());
        variables.put(VAR_PREVENTION_PLAN, "每月一次现场隐患排查");
        variables.put(VAR_PREVENTION_FEE_PERCENT, 20);
        return variables;
    }

    private Map<String, Object> application(Party builder) {
        return Map.of(VAR_APPLICATION_DECISION, APPLY, VAR_CONTRACT, upload("construction contract"),
                VAR_APPLICATION_FORM, upload("stamped application form"),
                VAR_ENTERPRISE_DOCUMENT_1, upload("business license"));
    }

    private void complete(ProcessInstance instance, Actor actor, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Processes.completeAs(engine, task.getId(), actor.userId(), actor.groupIds(), variables);
    }

    private static String creditCode() {
        StringBuilder body = new StringBuilder("91149");
        for (int i = 0; i < 12; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(body.toString());
    }

    private static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
