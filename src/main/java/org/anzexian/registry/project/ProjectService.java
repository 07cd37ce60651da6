package org.anzexian.registry.project;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Projects and their parties. A project is seen by the city bureau and administrators, by the
 * county authority of its area and by its builders; to anybody else it does not exist.
 */
@Service
@Validated
public class ProjectService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProjectRepository repository;
    private final JurisdictionService jurisdictions;
    private final OrganizationService organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectService(ProjectRepository repository, JurisdictionService jurisdictions, OrganizationService organizations,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.jurisdictions = jurisdictions;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Project register(Actor actor, @Valid NewProject request) {
        FieldViolations violations = new FieldViolations();
        Optional<Jurisdiction> jurisdiction = jurisdictions.find(request.jurisdictionCode());
        if (jurisdiction.isEmpty()) {
            violations.add("jurisdictionCode", "未知的辖区 (unknown jurisdiction)");
        } else if (jurisdiction.get().isCity()) {
            violations.add("jurisdictionCode", "项目须位于某个县（市、区） (choose a county-level jurisdiction)");
        }
        if (request.subtype().category() != request.category()) {
            violations.add("subtype", "工程子类「" + request.subtype().label() + "」不属于" + request.category().label()
                    + " (subtype does not belong to the category)");
        }
        if (request.contractEnd().isBefore(request.contractStart())) {
            violations.add("contractEnd", "竣工日期不能早于开工日期 (end must not be before start)");
        }
        Optional<Organization> constructionUnit = organizations.find(request.constructionUnitId())
                .filter(organization -> organization.type() == OrganizationType.CONSTRUCTION_UNIT);
        if (constructionUnit.isEmpty()) {
            violations.add("constructionUnitId", "施工单位不存在或不是施工单位 (no such construction unit)");
        }
        checkJointVenture(request, violations);
        checkSubcontractors(request, violations);
        List<Project.Participant> participants = participants(request, violations);
        violations.throwIfAny();

        if (!mayRegister(actor, jurisdiction.get(), constructionUnit.get())) {
            throw new ForbiddenException("只有市住建局、项目所在地住建部门、该施工单位或管理员可以登记项目"
                    + " (only the city bureau, the project's county authority, its construction unit or an administrator may register it)");
        }
        if (repository.codeExists(request.code().strip())) {
            throw new ConflictException("code", "项目编号已存在 (project code already registered)");
        }
        Optional<ConstructionContract> existing = repository.findContractByNumber(request.constructionContractNumber().strip());
        long contractId = existing.isPresent() ? joinContract(existing.get(), request) : repository.insertContract(
                request.constructionContractNumber().strip(), request.constructionUnitId(), request.contractAmount(),
                request.contractStart(), request.contractEnd());
        long id = repository.insert(request, contractId, participants, OffsetDateTime.now(clock));
        if (existing.isPresent()) {
            events.publishEvent(new PhaseJoinedContract(id, contractId));
        }
        return repository.findById(id).orElseThrow();
    }

    /** N2.3: exactly one lead, who is the construction unit that buys; shares add up to at most 100 %. */
    private void checkJointVenture(NewProject request, FieldViolations violations) {
        List<NewProject.NewJointVentureMember> members = request.jointVentureMembers();
        if (members.isEmpty()) {
            return;
        }
        Set<Long> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < members.size(); i++) {
            NewProject.NewJointVentureMember member = members.get(i);
            String field = "jointVentureMembers[" + i + "].organizationId";
            if (!isOfType(member.organizationId(), OrganizationType.CONSTRUCTION_UNIT)) {
                violations.add(field, "联合体成员须为已登记的施工单位 (must be a registered construction unit)");
            } else if (!seen.add(member.organizationId())) {
                violations.add(field, "联合体成员重复 (duplicate member)");
            }
            total = total.add(member.sharePercent());
        }
        List<NewProject.NewJointVentureMember> leads = members.stream().filter(NewProject.NewJointVentureMember::lead).toList();
        if (leads.size() != 1) {
            violations.add("jointVentureMembers", "联合体须有且只有一个牵头单位 (exactly one lead member)");
        } else if (!leads.get(0).organizationId().equals(request.constructionUnitId())) {
            violations.add("jointVentureMembers", "牵头单位须为本项目的施工单位 (the lead must be the construction unit)");
        }
        if (total.compareTo(HUNDRED) > 0) {
            violations.add("jointVentureMembers", "联合体成员份额合计不能超过 100% (shares add up to more than 100%)");
        }
    }

    /** N2.2: registered subcontractors other than the general contractor; premium shares at most 100 % in all. */
    private void checkSubcontractors(NewProject request, FieldViolations violations) {
        Set<Long> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.subcontractors().size(); i++) {
            NewProject.NewSubcontractor subcontractor = request.subcontractors().get(i);
            String field = "subcontractors[" + i + "].organizationId";
            if (!isOfType(subcontractor.organizationId(), OrganizationType.CONSTRUCTION_UNIT, OrganizationType.PARTICIPANT)) {
                violations.add(field, "分包单位须为已登记的施工单位或参建单位 (must be a registered construction unit or participant)");
            } else if (subcontractor.organizationId().equals(request.constructionUnitId())) {
                violations.add(field, "总承包单位不能同时是分包单位 (the general contractor cannot be its own subcontractor)");
            } else if (!seen.add(subcontractor.organizationId())) {
                violations.add(field, "分包单位重复 (duplicate subcontractor)");
            }
            total = total.add(subcontractor.premiumSharePercent());
        }
        if (total.compareTo(HUNDRED) > 0) {
            violations.add("subcontractors", "分包单位保费分担比例合计不能超过 100% (shares add up to more than 100%)");
        }
    }

    /** N8.3 needs each party's credit code: a registered party's comes from the register. */
    private List<Project.Participant> participants(NewProject request, FieldViolations violations) {
        List<Project.Participant> participants = new ArrayList<>();
        for (int i = 0; i < request.participants().size(); i++) {
            NewProject.NewParticipant participant = request.participants().get(i);
            String prefix = "participants[" + i + "].";
            if (participant.organizationId() != null) {
                Optional<Organization> organization = organizations.find(participant.organizationId());
                if (organization.isEmpty()) {
                    violations.add(prefix + "organizationId", "单位不存在 (no such organization)");
                } else {
                    participants.add(new Project.Participant(participant.role(), organization.get().id(),
                            organization.get().name(), organization.get().creditCode()));
                }
                continue;
            }
            if (participant.name() == null || participant.name().isBlank()) {
                violations.add(prefix + "name", "未登记的参建单位须填写名称 (name required without organizationId)");
            }
            if (participant.creditCode() == null || participant.creditCode().isBlank()) {
                violations.add(prefix + "creditCode", "未登记的参建单位须填写统一社会信用代码 (credit code required without organizationId)");
            } else {
                CreditCode.problem(participant.creditCode()).ifPresent(problem -> violations.add(prefix + "creditCode", problem));
            }
            if (!violations.has(prefix + "name") && !violations.has(prefix + "creditCode")) {
                participants.add(new Project.Participant(participant.role(), null, participant.name().strip(),
                        participant.creditCode()));
            }
        }
        return participants;
    }

    /**
     * N2.4: phases registered under one construction contract share it (one policy); the contract's
     * amount and period grow to cover every phase. An insured contract then needs an endorsement
     * ({@link PhaseJoinedContract}, N1.1).
     */
    private long joinContract(ConstructionContract contract, NewProject request) {
        if (contract.generalContractorId() != request.constructionUnitId()) {
            throw new ConflictException("constructionContractNumber",
                    "该施工合同属于另一施工单位 (the construction contract belongs to another construction unit)");
        }
        repository.updateContractSpan(contract.id(), contract.amount().add(request.contractAmount()),
                request.contractStart().isBefore(contract.start()) ? request.contractStart() : contract.start(),
                request.contractEnd().isAfter(contract.end()) ? request.contractEnd() : contract.end());
        return contract.id();
    }

    private boolean isOfType(Long organizationId, OrganizationType... types) {
        return organizationId != null && organizations.find(organizationId)
                .filter(organization -> List.of(types).contains(organization.type())).isPresent();
    }

    private boolean mayRegister(Actor actor, Jurisdiction jurisdiction, Organization constructionUnit) {
        return actor.seesWholeCity()
                || actor.countyCodes().contains(jurisdiction.code())
                || organizations.isMember(actor, constructionUnit);
    }

    /** The project, if the actor may see it; otherwise 404, so its existence is not disclosed. */
    public Project get(Actor actor, long id) {
        return repository.findById(id).filter(project -> maySee(actor, project))
                .orElseThrow(() -> noSuchProject(id));
    }

    public Project getByCode(Actor actor, String code) {
        return repository.findByCode(code).filter(project -> maySee(actor, project))
                .orElseThrow(() -> noSuchProject(code));
    }

    public PageResult<Project> list(Actor actor, ProjectFilter filter, PageQuery page) {
        return list(actor, filter, ListQuery.of(page.page(), page.size(), null, sortFields()));
    }

    /** What the project list may be sorted by: id, code, name, county, contractAmount, contractStart, permitStatus. */
    public static SortFields sortFields() {
        return ProjectRepository.SORT;
    }

    /** The projects the actor may see, one page in the asked order. */
    public PageResult<Project> list(Actor actor, ProjectFilter filter, ListQuery list) {
        ProjectRepository.Scope scope = actor.seesWholeCity() ? null
                : new ProjectRepository.Scope(actor.countyCodes(), actor.organizationIds(Role.BUILDER));
        if (scope != null && scope.isEmpty()) {
            return list.result(List.of(), 0);
        }
        return list.result(repository.find(filter, scope, list.sort(), list.offset(), list.size()),
                repository.count(filter, scope));
    }

    /** For other modules (e.g. an application names its project); no access check. */
    public Optional<Project> findByCode(String code) {
        return repository.findByCode(code);
    }

    public Optional<Project> find(long id) {
        return repository.findById(id);
    }

    public Project require(long id) {
        return find(id).orElseThrow(() -> noSuchProject(id));
    }

    /** A project's code and name only (one statement; {@link #require} reads its parties too). */
    public ProjectTitle requireTitle(long id) {
        return repository.findTitle(id).orElseThrow(() -> noSuchProject(id));
    }

    /** Survey, design, supervision and supply parties, for the conflict-of-interest check (N8.3). */
    public List<Project.Participant> participants(long projectId) {
        return require(projectId).participants();
    }

    private boolean maySee(Actor actor, Project project) {
        Set<Long> builders = actor.organizationIds(Role.BUILDER);
        return actor.seesWholeCity()
                || actor.countyCodes().contains(project.jurisdictionCode())
                || builders.contains(project.constructionUnitId())
                || project.jointVentureMembers().stream().anyMatch(member -> builders.contains(member.organizationId()));
    }

    private static NotFoundException noSuchProject(Object key) {
        return new NotFoundException("项目不存在 (no such project): " + key);
    }
}
