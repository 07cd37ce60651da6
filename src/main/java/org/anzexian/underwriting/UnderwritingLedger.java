package org.anzexian.underwriting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.MemorySort;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectFilter;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.underwriting.UnderwritingRepository.LedgerQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The underwriting ledger (N4.5) and the permitted projects without a policy (N1.3).
 * <p>Who sees which policies: the city bureau and admins all; a county authority those of its
 * jurisdictions; an insurer its own; a construction unit the policies it bought (as it sees its
 * quotations); anybody else none.
 */
@Service
public class UnderwritingLedger {

    /** An export is one sheet; beyond this the caller must narrow the filters. */
    static final int EXPORT_LIMIT = 50_000;

    private final UnderwritingRepository repository;
    private final UnderwritingService underwriting;
    private final ProjectService projects;
    private final Clock clock;

    UnderwritingLedger(UnderwritingRepository repository, UnderwritingService underwriting, ProjectService projects,
            Clock clock) {
        this.repository = repository;
        this.underwriting = underwriting;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<LedgerRow> search(Actor actor, LedgerFilter filter, ListQuery list) {
        LedgerQuery query = query(actor, filter);
        return list.result(repository.ledger(query, list.sort(), list.offset(), list.size()),
                repository.countLedger(query));
    }

    /** What the ledger may be sorted by: id, issuedAt, policyNumber, policyStart, premium, county, insurerId, status. */
    public static SortFields ledgerSortFields() {
        return UnderwritingRepository.LEDGER_SORT;
    }

    /** All rows the search would page through, for the Excel export. */
    @Transactional(readOnly = true)
    public List<LedgerRow> export(Actor actor, LedgerFilter filter, SortQuery sort) {
        LedgerQuery query = query(actor, filter);
        if (repository.countLedger(query) > EXPORT_LIMIT) {
            throw new InvalidRequestException("issuedFrom",
                    "导出超过 " + EXPORT_LIMIT + " 行，请缩小筛选范围 (too many rows, narrow the filters)");
        }
        return repository.ledger(query, sort, 0, EXPORT_LIMIT);
    }

    /** What the uninsured list may be sorted by (sorted in memory): {@code sort=projectCode,asc}. */
    static final MemorySort<UninsuredProject> UNINSURED_SORT = MemorySort
            .byId(UninsuredProject::projectId, "projectCode", "asc")
            .by("projectCode", UninsuredProject::projectCode)
            .by("projectName", UninsuredProject::projectName)
            .by("county", UninsuredProject::jurisdictionCode)
            .by("contractStart", UninsuredProject::contractStart)
            .by("contractEnd", UninsuredProject::contractEnd);

    /**
     * N1.3: projects with a construction permit and no effective policy (the permit check's notion,
     * {@link UnderwritingService#effectivePolicy}), for the county authorities (their area) and the city;
     * {@code county} narrows it to one county.
     */
    @Transactional(readOnly = true)
    public PageResult<UninsuredProject> projectsWithoutPolicy(Actor actor, String county, int page, int size,
            List<String> sort) {
        if (!actor.seesWholeCity() && actor.countyCodes().isEmpty()) {
            throw new ForbiddenException("只有县区主管部门和市住建局可以查看 (county authorities and the city bureau only)");
        }
        List<UninsuredProject> uninsured = new ArrayList<>();
        ProjectFilter permitted = new ProjectFilter(blankToNull(county), null, PermitStatus.ISSUED, null);
        PageResult<Project> batch;
        int batchNumber = 0;
        do {
            batch = projects.list(countyView(actor), permitted, new PageQuery(batchNumber++, PageQuery.MAX_SIZE));
            batch.items().stream()
                    .filter(project -> underwriting.effectivePolicy(project.constructionContract().id()).isEmpty())
                    .map(project -> new UninsuredProject(project.id(), project.code(), project.name(),
                            project.siteAddress(), project.jurisdictionCode(), project.constructionUnitId(),
                            project.contractStart(), project.contractEnd()))
                    .forEach(uninsured::add);
        } while ((long) batchNumber * PageQuery.MAX_SIZE < batch.total());
        return UNINSURED_SORT.page(uninsured, page, size, sort);
    }

    /** The actor as an authority only, so a county user's own construction unit does not widen the N1.3 list. */
    private static Actor countyView(Actor actor) {
        if (actor.seesWholeCity()) {
            return actor;
        }
        return new Actor(actor.userId(), actor.groupIds().stream()
                .filter(group -> group.startsWith(Role.COUNTY.groupType())).collect(Collectors.toSet()));
    }

    private LedgerQuery query(Actor actor, LedgerFilter filter) {
        if (filter.issuedFrom() != null && filter.issuedTo() != null && filter.issuedFrom().isAfter(filter.issuedTo())) {
            throw new InvalidRequestException("issuedTo", "截止日期不能早于起始日期 (issuedTo before issuedFrom)");
        }
        boolean wholeCity = actor.seesWholeCity();
        return new LedgerQuery(filter.insurerOrgId(), blankToNull(filter.jurisdictionCode()), startOf(filter.issuedFrom()),
                filter.issuedTo() == null ? null : startOf(filter.issuedTo().plusDays(1)), filter.status(),
                blankToNull(filter.project()),
                wholeCity ? null : actor.countyCodes(),
                wholeCity ? null : actor.organizationIds(Role.INSURER),
                wholeCity ? null : actor.organizationIds(Role.BUILDER));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
