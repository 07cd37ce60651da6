package org.anzexian.service.team;

import static org.anzexian.service.team.ServiceTeamRegistrationProcess.*;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.filing.serviceorg.RegisteredServiceOrg;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.filing.serviceorg.TeamRole;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.engine.ProcessGateway.OpenTask;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.team.ServiceTeamRegistration.PreventionMember;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.UnderwritingService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Registration of a policy's service teams (issue 4, N6.2, N6.3, N8.1, N8.3): the insurer's own team,
 * the commissioned service organization (filed, free of conflicts of interest) and the project's
 * prevention team from that organization's filed roster. The process {@code serviceTeamRegistration}
 * (started by message {@code PolicyIssued}) drives the deadline; every state change happens here.
 *
 * <p>Access: the insurer's members see and register their own policies' registrations; a county
 * authority sees its area, the city bureau all, a service organization the registrations that
 * commission it. Engine calls run through {@link ProcessGateway} after these checks.
 */
@Service
@Validated
public class ServiceTeamRegistrationService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ServiceTeamRegistrationRepository repository;
    private final RegistrationDeadlines deadlines;
    private final ProjectService projects;
    private final UnderwritingService underwriting;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;
    private final ServiceOrgFilingService serviceOrgs;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final ProcessGateway engine;
    private final Clock clock;

    ServiceTeamRegistrationService(ServiceTeamRegistrationRepository repository, RegistrationDeadlines deadlines,
            ProjectService projects, OrganizationService organizations, JurisdictionService jurisdictions,
            ServiceOrgFilingService serviceOrgs, NotificationService notifications, ApplicationEventPublisher events,
            ProcessGateway engine, Clock clock, UnderwritingService underwriting) {
        this.repository = repository;
        this.deadlines = deadlines;
        this.projects = projects;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
        this.serviceOrgs = serviceOrgs;
        this.notifications = notifications;
        this.events = events;
        this.engine = engine;
        this.clock = clock;
        this.underwriting = underwriting;
    }

    /**
     * Opens the registration of a just-issued policy and fixes its dates from DMN
     * {@code registrationDeadline}; returns the groups and dates the process's tasks and timers read. The
     * issued policy (the business key) names the project, insurer and issue time; the start message's values
     * stand only for a policy id our tables do not hold (DESIGN.md §2a).
     */
    @Transactional
    public OpenRegistration open(long policyId, long projectId, long insurerOrgId, Date policyIssuedAt,
            String processInstanceId) {
        Optional<Policy> policy = underwriting.findPolicy(policyId);
        if (policy.isPresent()) {
            // the policy's own project, insurer and issue time decide, not what the start message carried
            projectId = policy.get().projectId();
            insurerOrgId = policy.get().insurerOrgId();
            policyIssuedAt = Date.from(policy.get().issuedAt().toInstant());
        }
        Project project = projects.require(projectId);
        Organization insurer = organizations.require(insurerOrgId);
        OffsetDateTime issuedAt = policyIssuedAt.toInstant().atZone(clock.getZone()).toOffsetDateTime();
        RegistrationDeadlines.Dates dates = deadlines.forPolicy(issuedAt, project.category().name());
        repository.insertIfAbsent(policyId, projectId, insurerOrgId, project.jurisdictionCode(), issuedAt,
                dates.deadline(), processInstanceId);
        return new OpenRegistration(insurer.groupId(), jurisdictions.require(project.jurisdictionCode()).authorityGroup(),
                dates.firstReminder(), dates.secondReminder(), dates.deadline(),
                caseSummary(jurisdictions.require(project.jurisdictionCode()).name() + " · " + project.code() + " "
                        + project.name() + " · 保单 " + policy.map(Policy::policyNumber).orElse(String.valueOf(policyId))));
    }

    private static String caseSummary(String summary) {
        return summary.length() <= 120 ? summary : summary.substring(0, 119) + "…";
    }

    /**
     * The one door of {@code UserTask_RegisterServiceTeam}: the policy's insurer registers the teams. The
     * Tasklist's complete listener and {@link #submit} end here. A refused submission changes nothing and
     * the task stays open.
     */
    @Transactional
    public ServiceTeamRegistration register(Actor actor, long policyId, ServiceTeamRequest request) {
        ServiceTeamRegistration registration = get(actor, policyId);
        if (!actor.isMemberOf(organizations.require(registration.insurerOrgId()).groupId())) {
            throw new ForbiddenException("只有承保的保险机构可以登记服务团队 (only the policy's insurer registers its teams)");
        }
        if (registration.status() == RegistrationStatus.REGISTERED) {
            throw new ConflictException(null, "服务团队已登记 (the teams are registered already)");
        }
        List<PreventionMember> preventionTeam = check(registration, request);
        repository.record(registration.id(), request.serviceOrgId(), request.insurerTeam(), preventionTeam,
                actor.userId(), now());
        return repository.find(registration.id()).orElseThrow();
    }

    /** {@code POST/PUT /api/service-team-registrations/{policyId}}: {@link #register}, then the insurer's task completes. */
    @Transactional
    public ServiceTeamRegistration submit(Actor actor, long policyId, @Valid ServiceTeamRequest request) {
        ServiceTeamRegistration registered = register(actor, policyId, request);
        engine.completeRecorded(openTask(policyId), actor, registered);
        return repository.find(registered.id()).orElseThrow();
    }

    /** N6.2, N8.1, N8.3: the complete request or every reason it is refused (HTTP 400). */
    private List<PreventionMember> check(ServiceTeamRegistration registration, ServiceTeamRequest request) {
        FieldViolations violations = new FieldViolations();
        if (request.insurerTeam() == null || request.insurerTeam().isEmpty()) {
            violations.add("insurerTeam", "至少登记 1 名保险服务团队成员 (at least one member of the insurer's team)");
        }
        if (request.serviceOrgId() == null) {
            violations.add("serviceOrgId", "必须指定受托服务机构 (required)");
            violations.throwIfAny();
        }
        Optional<RegisteredServiceOrg> filed = serviceOrgs.register().stream()
                .filter(entry -> entry.organizationId() == request.serviceOrgId()).findFirst();
        if (filed.isEmpty()) {
            violations.add("serviceOrgId", "该机构不在已备案第三方技术服务机构名录中 (not a filed service organization, N6.2)");
            violations.throwIfAny();
        }
        conflictOfInterest(registration.projectId(), request.serviceOrgId())
                .ifPresent(reason -> violations.add("serviceOrgId", reason));
        List<PreventionMember> team = preventionTeam(request, roster(filed.get()), violations);
        violations.throwIfAny();
        return team;
    }

    /** N8.3: the service organization (or its parent) is a party to the project, or a party's parent. */
    private Optional<String> conflictOfInterest(long projectId, long serviceOrgId) {
        Map<String, String> parties = new LinkedHashMap<>();
        Project project = projects.require(projectId);
        addParty(parties, "施工单位", organizations.require(project.constructionUnitId()));
        project.jointVentureMembers().forEach(member ->
                addParty(parties, "联合体成员", organizations.require(member.organizationId())));
        project.subcontractors().forEach(sub -> addParty(parties, "分包单位", organizations.require(sub.organizationId())));
        for (Project.Participant participant : projects.participants(projectId)) {
            String role = participant.role().label() + "单位";
            if (participant.organizationId() != null) {
                addParty(parties, role, organizations.require(participant.organizationId()));
            } else if (participant.creditCode() != null) {
                parties.putIfAbsent(participant.creditCode(), role + "「" + participant.name() + "」");
            }
        }
        Organization serviceOrg = organizations.require(serviceOrgId);
        if (parties.containsKey(serviceOrg.creditCode())) {
            return Optional.of("受托服务机构是本项目的" + parties.get(serviceOrg.creditCode())
                    + "，存在利害关系 (conflict of interest, N8.3)");
        }
        Optional<Organization> parent = parent(serviceOrg);
        if (parent.isPresent() && parties.containsKey(parent.get().creditCode())) {
            return Optional.of("受托服务机构的上级单位「" + parent.get().name() + "」与本项目的"
                    + parties.get(parent.get().creditCode()) + "关联，存在利害关系 (conflict of interest, N8.3)");
        }
        return Optional.empty();
    }

    private void addParty(Map<String, String> parties, String role, Organization organization) {
        String party = role + "「" + organization.name() + "」";
        parties.putIfAbsent(organization.creditCode(), party);
        parent(organization).ifPresent(parent ->
                parties.putIfAbsent(parent.creditCode(), party + "（其上级单位「" + parent.name() + "」）"));
    }

    private Optional<Organization> parent(Organization organization) {
        return Optional.ofNullable(organization.parentId()).flatMap(organizations::find);
    }

    /**
     * The filed roster of a service organization of the register, for the registration form's pick-lists
     * (N8.1): each name once, with the team role it was filed in (if any) and the staff member's title.
     * Staff data are not public (N8.6): insurers (who register teams), the organization itself and the city
     * bureau read them; anyone else gets 403, an organization not in the register 404.
     */
    @Transactional(readOnly = true)
    public List<RosterMember> roster(Actor actor, long serviceOrgId) {
        if (!actor.seesWholeCity() && actor.organizationIds(Role.INSURER).isEmpty()
                && !actor.organizationIds(Role.SERVICE_ORG).contains(serviceOrgId)) {
            throw new ForbiddenException("只有保险机构、该服务机构和市住建局可以查看备案人员 "
                    + "(only insurers, the organization itself and the city bureau read a filed roster, N8.6)");
        }
        RegisteredServiceOrg filed = serviceOrgs.register().stream()
                .filter(entry -> entry.organizationId() == serviceOrgId).findFirst()
                .orElseThrow(() -> new NotFoundException("该机构不在已备案第三方技术服务机构名录中 (not a filed service organization): "
                        + serviceOrgId));
        ServiceOrgFilingRequest data = serviceOrgs.require(filed.filingId()).data();
        Map<String, RosterMember> members = new LinkedHashMap<>();
        data.team().forEach(member -> members.putIfAbsent(member.name().strip(),
                new RosterMember(member.name().strip(), member.role(), member.role() == null ? null : member.role().label(), null)));
        data.staff().forEach(member -> {
            RosterMember known = members.get(member.name().strip());
            members.put(member.name().strip(), new RosterMember(member.name().strip(), known == null ? null : known.role(),
                    known == null ? null : known.roleLabel(), member.title()));
        });
        return List.copyOf(members.values());
    }

    /** A person on a service organization's filed roster. */
    public record RosterMember(String name, TeamRole role, String roleLabel, String title) {
    }

    /** The names the organization filed (its staff and its fixed team). */
    private Set<String> roster(RegisteredServiceOrg filed) {
        ServiceOrgFilingRequest data = serviceOrgs.require(filed.filingId()).data();
        Set<String> names = new LinkedHashSet<>();
        data.staff().forEach(member -> names.add(member.name().strip()));
        data.team().forEach(member -> names.add(member.name().strip()));
        return names;
    }

    /** N8.1: a technical lead, a project lead and at least one service staff member, all on the roster. */
    private static List<PreventionMember> preventionTeam(ServiceTeamRequest request, Set<String> roster,
            FieldViolations violations) {
        List<PreventionMember> team = new ArrayList<>();
        member(request.technicalLead(), TeamRole.TECHNICAL_LEAD, "technicalLead", roster, violations, team);
        member(request.projectLead(), TeamRole.PROJECT_LEAD, "projectLead", roster, violations, team);
        List<String> staff = request.serviceStaff() == null ? List.of() : request.serviceStaff();
        if (staff.isEmpty()) {
            violations.add("serviceStaff", "项目预防服务团队缺少服务人员（至少 1 名） (missing: service staff, N8.1)");
        }
        for (int i = 0; i < staff.size(); i++) {
            member(staff.get(i), TeamRole.SERVICE_STAFF, "serviceStaff[" + i + "]", roster, violations, team);
        }
        return team;
    }

    private static void member(String name, TeamRole role, String field, Set<String> roster, FieldViolations violations,
            List<PreventionMember> team) {
        if (name == null || name.isBlank()) {
            violations.add(field, "项目预防服务团队缺少" + role.label() + " (missing: " + role.name() + ", N8.1)");
        } else if (!roster.contains(name.strip())) {
            violations.add(field, role.label() + "「" + name.strip() + "」不在该机构备案人员名单中 (not on the filed roster, N8.1)");
        } else {
            team.add(new PreventionMember(name.strip(), role, role.label()));
        }
    }

    /**
     * A reminder before the deadline to the insurer; once per reminder ({@code which} names it:
     * {@value ServiceTeamRegistrationProcess#TASK_FIRST_REMINDER} or {@value ServiceTeamRegistrationProcess#TASK_SECOND_REMINDER}).
     */
    @Transactional
    public void remindInsurer(long policyId, String which) {
        ServiceTeamRegistration registration = require(policyId);
        if (registration.status() == RegistrationStatus.REGISTERED) {
            return;
        }
        notifyGroups(NoticeTemplates.SERVICE_TEAM_REGISTRATION_REMINDER, registration,
                List.of(organizations.require(registration.insurerOrgId()).groupId()), which);
    }

    /**
     * The deadline passed unregistered: the registration is marked overdue (it counts against the
     * insurer) and the county authority and the city bureau are told.
     */
    @Transactional
    public void markOverdue(long policyId) {
        ServiceTeamRegistration registration = require(policyId);
        if (registration.status() == RegistrationStatus.REGISTERED) {
            return;
        }
        repository.markOverdue(registration.id(), now());
        notifyGroups(NoticeTemplates.SERVICE_TEAM_REGISTRATION_OVERDUE, registration,
                List.of(jurisdictions.require(registration.jurisdictionCode()).authorityGroup(), PlatformGroups.CITY_BUREAU),
                "overdue");
    }

    /**
     * The teams are registered: the construction unit and the service organization are told and
     * {@link ServiceTeamRegistered} is published for the prevention-service schedule.
     */
    @Transactional
    public void announce(long policyId) {
        ServiceTeamRegistration registration = require(policyId);
        if (registration.status() != RegistrationStatus.REGISTERED) {
            throw new IllegalStateException("registration of policy " + policyId + " is " + registration.status());
        }
        Project project = projects.require(registration.projectId());
        notifyGroups(NoticeTemplates.SERVICE_TEAM_REGISTERED, registration,
                List.of(organizations.require(project.constructionUnitId()).groupId(),
                        organizations.require(registration.serviceOrgId()).groupId()), "registered");
        events.publishEvent(new ServiceTeamRegistered(policyId, registration.projectId(), registration.serviceOrgId()));
    }

    private void notifyGroups(String template, ServiceTeamRegistration registration, List<String> groups, String event) {
        Project project = projects.require(registration.projectId());
        Map<String, Object> model = new HashMap<>();
        model.put("projectName", project.name());
        model.put("projectCode", project.code());
        model.put("policyId", registration.policyId());
        model.put("insurerName", organizations.require(registration.insurerOrgId()).name());
        model.put("deadline", registration.deadlineAt().atZoneSameInstant(clock.getZone()).format(DATE));
        if (registration.serviceOrgId() != null) {
            model.put("serviceOrgName", organizations.require(registration.serviceOrgId()).name());
            model.put("projectLead", registration.preventionTeam().stream()
                    .filter(member -> member.role() == TeamRole.PROJECT_LEAD).map(PreventionMember::name)
                    .findFirst().orElse(""));
        }
        String reference = "service-team:" + registration.policyId();
        notifications.enqueueToGroups(template, groups, model, reference, reference + ":" + event);
    }

    public ServiceTeamRegistration get(Actor actor, long policyId) {
        return repository.findByPolicy(policyId).filter(registration -> maySee(actor, registration))
                .orElseThrow(() -> new NotFoundException("服务团队登记不存在 (no such registration): " + policyId));
    }

    /** What the registration's tasks show (#12): the registration with its project, policy and insurer; for whoever may see it. */
    @Transactional(readOnly = true)
    public RegistrationContext context(Actor actor, long policyId) {
        ServiceTeamRegistration registration = get(actor, policyId);
        Project project = projects.require(registration.projectId());
        String lateness = "";
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (registration.status() != RegistrationStatus.REGISTERED && registration.deadlineAt() != null
                && now.isAfter(registration.deadlineAt())) {
            java.time.Duration late = java.time.Duration.between(registration.deadlineAt(), now);
            lateness = "已逾期 " + (late.toDays() > 0 ? late.toDays() + " 天 " : "") + late.toHoursPart() + " 小时";
        }
        return new RegistrationContext(registration, project.code(), project.name(), project.siteAddress(),
                jurisdictions.require(project.jurisdictionCode()).name(),
                underwriting.findPolicy(policyId).map(Policy::policyNumber).orElse(null),
                organizations.require(registration.insurerOrgId()).name(),
                registration.serviceOrgId() == null ? null : organizations.require(registration.serviceOrgId()).name(),
                lateness);
    }

    /** A registration with what its task forms show beside it; {@code lateness} is empty unless it is overdue. */
    public record RegistrationContext(ServiceTeamRegistration registration, String projectCode, String projectName,
            String siteAddress, String countyName, String policyNumber, String insurerName, String serviceOrgName,
            String lateness) {
    }

    /** The registrations the actor may see, earliest deadline first. */
    public List<ServiceTeamRegistration> list(Actor actor, RegistrationStatus status) {
        if (actor.seesWholeCity()) {
            return repository.find(null, status);
        }
        var scope = new ServiceTeamRegistrationRepository.Scope(actor.organizationIds(Role.INSURER),
                actor.countyCodes(), actor.organizationIds(Role.SERVICE_ORG));
        if (scope.insurers().isEmpty() && scope.areas().isEmpty() && scope.serviceOrgs().isEmpty()) {
            return List.of();
        }
        return repository.find(scope, status);
    }

    /** Every registration whose teams are registered, for other modules to filter by their own access rules; no access check. */
    @Transactional(readOnly = true)
    public List<ServiceTeamRegistration> registered() {
        return repository.find(null, RegistrationStatus.REGISTERED);
    }

    /**
     * The service organization registered for a policy's project (N6.2), if the teams are registered;
     * for other modules (e.g. who verifies a hazard raised from a claim's recommendations); no access check.
     */
    @Transactional(readOnly = true)
    public Optional<Long> registeredServiceOrg(long policyId) {
        return repository.findByPolicy(policyId)
                .filter(registration -> registration.status() == RegistrationStatus.REGISTERED)
                .map(ServiceTeamRegistration::serviceOrgId);
    }

    /** The registration of a policy for the process and other modules; no access check. */
    public ServiceTeamRegistration require(long policyId) {
        return repository.findByPolicy(policyId)
                .orElseThrow(() -> new NotFoundException("服务团队登记不存在 (no such registration): " + policyId));
    }

    private boolean maySee(Actor actor, ServiceTeamRegistration registration) {
        return actor.seesWholeCity()
                || actor.organizationIds(Role.INSURER).contains(registration.insurerOrgId())
                || actor.countyCodes().contains(registration.jurisdictionCode())
                || registration.serviceOrgId() != null
                        && actor.organizationIds(Role.SERVICE_ORG).contains(registration.serviceOrgId());
    }

    private OpenTask openTask(long policyId) {
        return engine.openTask(KEY, policyId, TASK_REGISTER_SERVICE_TEAM).orElseThrow(() ->
                new ConflictException(null, "该保单没有待办的服务团队登记 (no open registration task)"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
