package org.anzexian.registry.organization;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.anzexian.notification.Notice;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The register of organizations. It is public to every logged-in user (who insures, who serves);
 * registering is the city bureau's job. Each organization comes with the Camunda group its staff
 * join, created in the same transaction.
 */
@Service
@Validated
public class OrganizationService {

    private final OrganizationRepository repository;
    private final JurisdictionService jurisdictions;
    private final GroupDirectory groups;
    private final NotificationService notifications;
    private final Clock clock;

    OrganizationService(OrganizationRepository repository, JurisdictionService jurisdictions, GroupDirectory groups,
            NotificationService notifications, Clock clock) {
        this.repository = repository;
        this.jurisdictions = jurisdictions;
        this.groups = groups;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Organization register(Actor actor, @Valid NewOrganization request) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局或系统管理员可以登记单位 (only the city bureau or an administrator may register organizations)");
        }
        BureauGroup bureauGroup = validate(request);
        // a county authority lies in its own county even when the request does not say so
        String jurisdictionCode = request.jurisdictionCode() != null || bureauGroup == null
                ? request.jurisdictionCode()
                : BureauGroup.countyCode(bureauGroup.groupId()).orElse(null);
        repository.findByCreditCode(request.creditCode()).ifPresent(existing -> {
            throw new ConflictException("creditCode", "该统一社会信用代码已登记为「" + existing.name()
                    + "」(credit code already registered, organization " + existing.id() + ")");
        });
        if (bureauGroup != null) {
            repository.findByGroup(bureauGroup.groupId()).ifPresent(existing -> {
                throw new ConflictException("bureauGroup", "该主管部门已登记为「" + existing.name()
                        + "」(bureau group already taken by organization " + existing.id() + ")");
            });
        }
        long id = repository.insert(request, jurisdictionCode, OffsetDateTime.now(clock));
        String groupId = bureauGroup != null
                ? bureauGroup.groupId()
                : PlatformGroups.organization(request.type().role(), id);
        repository.setGroup(id, groupId);
        groups.ensureGroup(groupId, request.name().strip(),
                bureauGroup != null ? bureauGroup.role() : request.type().role());
        Organization organization = require(id);
        tellOrganizationItIsRegistered(organization);
        return organization;
    }

    private void tellOrganizationItIsRegistered(Organization organization) {
        if (organization.email() == null || organization.email().isBlank()) {
            return;
        }
        notifications.enqueue(new Notice(NoticeTemplates.ORGANIZATION_REGISTERED, List.of(organization.email()),
                Map.of("organizationName", organization.name(),
                        "creditCode", organization.creditCode(),
                        "organizationType", organization.type().label()),
                "organization:" + organization.id(),
                "organization-registered:" + organization.id()));
    }

    /** Checks what Bean Validation cannot: the credit code's check character and references to other records. */
    private BureauGroup validate(NewOrganization request) {
        FieldViolations violations = new FieldViolations();
        CreditCode.problem(request.creditCode()).ifPresent(problem -> violations.add("creditCode", problem));
        if (request.parentId() != null && repository.findById(request.parentId()).isEmpty()) {
            violations.add("parentId", "上级单位不存在 (unknown parent organization)");
        }
        if (request.jurisdictionCode() != null && jurisdictions.find(request.jurisdictionCode()).isEmpty()) {
            violations.add("jurisdictionCode", "未知的辖区 (unknown jurisdiction)");
        }
        BureauGroup bureauGroup = null;
        if (request.type() == OrganizationType.BUREAU) {
            bureauGroup = BureauGroup.parse(request.bureauGroup())
                    .filter(group -> BureauGroup.countyCode(group.groupId())
                            .map(code -> jurisdictions.find(code).filter(county -> !county.isCity()).isPresent())
                            .orElse(true))
                    .orElse(null);
            if (bureauGroup == null) {
                violations.add("bureauGroup", "主管部门须指定 cityBureau、county<辖区代码>、emergencyBureau 或 financialRegulator"
                        + " (bureau group required: cityBureau, county<code>, emergencyBureau or financialRegulator)");
            } else if (request.jurisdictionCode() != null && BureauGroup.countyCode(bureauGroup.groupId())
                    .filter(code -> !code.equals(request.jurisdictionCode())).isPresent()) {
                violations.add("jurisdictionCode", "县级主管部门的辖区须与其分组一致 (must match the county of the bureau group)");
            }
        } else if (request.bureauGroup() != null) {
            violations.add("bureauGroup", "仅主管部门可指定 (only for organizations of type BUREAU)");
        }
        violations.throwIfAny();
        return bureauGroup;
    }

    public Optional<Organization> find(long id) {
        return repository.findById(id);
    }

    public Organization require(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("单位不存在 (no such organization): " + id));
    }

    /** Several organizations by id, in one statement; refuses as {@link #require} when one of them is missing. */
    public Map<Long, Organization> requireAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Organization> found = repository.findByIds(ids).stream()
                .collect(Collectors.toMap(Organization::id, organization -> organization));
        for (long id : ids) {
            if (!found.containsKey(id)) {
                throw new NotFoundException("单位不存在 (no such organization): " + id);
            }
        }
        return found;
    }

    public Optional<Organization> findByCreditCode(String creditCode) {
        return repository.findByCreditCode(creditCode);
    }

    /** The organization a Camunda group stands for, e.g. {@code insurer12}. */
    public Optional<Organization> findByGroup(String groupId) {
        return repository.findByGroup(groupId);
    }

    public PageResult<Organization> list(OrganizationFilter filter, PageQuery page) {
        return list(filter, ListQuery.of(page.page(), page.size(), null, sortFields()));
    }

    /** One page in the asked order (sort: id, name, type, creditCode, county). */
    public PageResult<Organization> list(OrganizationFilter filter, ListQuery list) {
        return list.result(repository.find(filter, list.sort(), list.offset(), list.size()), repository.count(filter));
    }

    public static SortFields sortFields() {
        return OrganizationRepository.SORT;
    }

    /** Whether the actor works for the organization, i.e. belongs to its group. */
    public boolean isMember(Actor actor, Organization organization) {
        return organization.groupId() != null && actor.isMemberOf(organization.groupId());
    }
}
