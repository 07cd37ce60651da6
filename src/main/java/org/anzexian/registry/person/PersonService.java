package org.anzexian.registry.person;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * People of organizations and their certificates. Unlike the organization register, staff lists
 * are private: only the organization's own members, the city bureau and administrators see them.
 */
@Service
@Validated
public class PersonService {

    private final PersonRepository repository;
    private final OrganizationService organizations;
    private final Clock clock;

    PersonService(PersonRepository repository, OrganizationService organizations, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional
    public Person register(Actor actor, @Valid NewPerson request) {
        Organization organization = organizations.find(request.organizationId())
                .orElseThrow(() -> new InvalidRequestException(
                        "organizationId", "所属单位不存在 (unknown organization)"));
        if (!mayManage(actor, organization)) {
            throw new ForbiddenException("只有本单位人员、市住建局或管理员可以登记该单位人员"
                    + " (only the organization's members, the city bureau or an administrator may register its people)");
        }
        FieldViolations violations = new FieldViolations();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.certificates().size(); i++) {
            NewPerson.NewCertificate certificate = request.certificates().get(i);
            if (!seen.add(certificate.type() + "/" + certificate.number().strip())) {
                violations.add("certificates[" + i + "].number", "证书重复 (duplicate certificate)");
            }
        }
        violations.throwIfAny();
        for (int i = 0; i < request.certificates().size(); i++) {
            NewPerson.NewCertificate certificate = request.certificates().get(i);
            if (repository.certificateExists(certificate.type(), certificate.number())) {
                throw new ConflictException("certificates[" + i + "].number",
                        "该证书编号已登记 (certificate number already registered)");
            }
        }
        if (request.userId() != null && repository.userIdTaken(request.userId())) {
            throw new ConflictException("userId", "该登录名已关联其他人员 (login already linked to another person)");
        }
        return repository.findById(repository.insert(request, OffsetDateTime.now(clock))).orElseThrow();
    }

    /** A person, if the actor may see the people of that person's organization; otherwise 404. */
    public Person get(Actor actor, long id) {
        return repository.findById(id)
                .filter(person -> mayManage(actor, organizations.require(person.organizationId())))
                .orElseThrow(() -> new NotFoundException("人员不存在 (no such person): " + id));
    }

    /** People the actor may see; asking for another organization's people is refused (403). */
    public PageResult<Person> list(Actor actor, PersonFilter filter, PageQuery page) {
        return list(actor, filter, ListQuery.of(page.page(), page.size(), null, sortFields()));
    }

    /** What the people list may be sorted by: id, name, organizationId, safetyYears. */
    public static SortFields sortFields() {
        return PersonRepository.SORT;
    }

    /** People the actor may see, one page in the asked order. */
    public PageResult<Person> list(Actor actor, PersonFilter filter, ListQuery list) {
        if (filter.organizationId() != null) {
            Organization organization = organizations.require(filter.organizationId());
            if (!mayManage(actor, organization)) {
                throw new ForbiddenException("无权查看该单位人员 (not allowed to see this organization's people)");
            }
        }
        List<Long> visible = actor.seesWholeCity() ? null : ownOrganizationIds(actor);
        if (visible != null && visible.isEmpty()) {
            return list.result(List.of(), 0);
        }
        return list.result(repository.find(filter, visible, list.sort(), list.offset(), list.size()),
                repository.count(filter, visible));
    }

    /** The staff of an organization with their certificates, for checks such as N7.5; no access check. */
    public List<Person> peopleOf(long organizationId) {
        return repository.find(new PersonFilter(organizationId, null, null), null, sortFields().parse(null), 0,
                Integer.MAX_VALUE);
    }

    public Optional<Person> find(long id) {
        return repository.findById(id);
    }

    private boolean mayManage(Actor actor, Organization organization) {
        return actor.seesWholeCity() || organizations.isMember(actor, organization);
    }

    private List<Long> ownOrganizationIds(Actor actor) {
        return actor.groupIds().stream()
                .map(organizations::findByGroup)
                .flatMap(Optional::stream)
                .map(Organization::id)
                .toList();
    }
}
