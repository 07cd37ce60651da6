package org.anzexian.supervision.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardStatus;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.supervision.assessment.Assessment;
import org.anzexian.supervision.assessment.AssessmentService;
import org.anzexian.supervision.dashboard.Dashboard.Closure;
import org.anzexian.supervision.dashboard.Dashboard.CountyClosure;
import org.anzexian.supervision.dashboard.Dashboard.CountyCoverage;
import org.anzexian.supervision.dashboard.Dashboard.CountyHazards;
import org.anzexian.supervision.dashboard.Dashboard.Coverage;
import org.anzexian.supervision.dashboard.Dashboard.Figure;
import org.anzexian.supervision.dashboard.Dashboard.HazardCounts;
import org.anzexian.supervision.dashboard.Dashboard.Hazards;
import org.anzexian.supervision.dashboard.Dashboard.InsurerClaims;
import org.anzexian.supervision.dashboard.Dashboard.Ranked;
import org.anzexian.supervision.dashboard.Dashboard.Ranking;
import org.anzexian.supervision.dashboard.Dashboard.ServiceOrgVisits;
import org.springframework.stereotype.Service;

/**
 * The portal's overview for one user (N9.1, N9.2): coverage, hazards, closure, prevention-service visits,
 * claims and the latest ranking, each counted over what the user may see ({@link DashboardScope}) and
 * each leading to its list (the portal's URL contract).
 */
@Service
public class DashboardService {

    private static final String MAJOR = HazardSeverity.MAJOR.name();
    private static final String GENERAL = HazardSeverity.GENERAL.name();
    private static final String OPEN = HazardStatus.OPEN.name();
    private static final String SUBMITTED = HazardStatus.SUBMITTED.name();
    private static final BigDecimal DAY_SECONDS = BigDecimal.valueOf(86_400);

    private final DashboardRepository repository;
    private final JurisdictionService jurisdictions;
    private final AssessmentService assessments;
    private final DashboardProperties properties;
    private final Clock clock;

    DashboardService(DashboardRepository repository, JurisdictionService jurisdictions, AssessmentService assessments,
            DashboardProperties properties, Clock clock) {
        this.repository = repository;
        this.jurisdictions = jurisdictions;
        this.assessments = assessments;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The overview for {@code actor}, narrowed to {@code county} when given (a county authority only to
     * its own area: another is refused). Not one transaction: a refusal inside AssessmentService's own
     * (a user who sees no assessment) would mark it rollback-only; each figure is read on its own.
     */
    public Dashboard of(Actor actor, String county) {
        DashboardScope scope = DashboardScope.of(actor, county);
        if (scope.county() != null) {
            jurisdictions.require(scope.county());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Jurisdiction> areas = jurisdictions.list().stream()
                .collect(Collectors.toMap(Jurisdiction::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ServiceOrgVisits> visits = visits(scope, now);
        List<InsurerClaims> claims = scope.seesClaims() ? claims(scope) : null;
        return new Dashboard(scopeLabel(actor, scope, areas), scope.county(), now,
                scope.seesProjects() ? coverage(scope, areas, LocalDate.now(clock)) : null,
                hazards(scope, areas, now),
                closure(scope, areas, now),
                visits,
                new Figure(visits.stream().mapToLong(v -> v.missed().value()).sum(),
                        DashboardLinks.visits(null, "missed", scope.linkCounty())),
                claims,
                claims == null ? null : new Figure(claims.stream().mapToLong(c -> c.breached().value()).sum(),
                        DashboardLinks.claims(null, true, scope.linkCounty())),
                ranking(actor));
    }

    private static String scopeLabel(Actor actor, DashboardScope scope, Map<String, Jurisdiction> areas) {
        String place = scope.county() != null ? name(areas, scope.county()) : null;
        if (scope.wholeCity()) {
            return place != null ? place : "全市";
        }
        if (!scope.areas().isEmpty()) {
            return place != null ? place : scope.areas().stream().sorted().map(code -> name(areas, code))
                    .collect(Collectors.joining("、"));
        }
        return place != null ? "本单位（" + place + "）" : "本单位";
    }

    // --- coverage (N1.1, N1.3) ------------------------------------------------------------------

    private Coverage coverage(DashboardScope scope, Map<String, Jurisdiction> areas, LocalDate today) {
        List<CountyCoverage> counties = new ArrayList<>();
        long permitted = 0;
        long insured = 0;
        long applyingUninsured = 0;
        for (DashboardRepository.CoverageRow row : inAreaOrder(repository.coverage(scope, today), areas,
                DashboardRepository.CoverageRow::county)) {
            applyingUninsured += row.applyingUninsured();
            if (row.permitted() == 0) {
                continue;
            }
            permitted += row.permitted();
            insured += row.insured();
            long uninsured = row.permitted() - row.insured();
            counties.add(new CountyCoverage(row.county(), name(areas, row.county()), row.permitted(), row.insured(),
                    new Figure(uninsured, scope.seesUninsuredList() ? DashboardLinks.uninsured(row.county()) : null),
                    percent(row.insured(), row.permitted())));
        }
        return new Coverage(permitted, insured,
                new Figure(permitted - insured,
                        scope.seesUninsuredList() ? DashboardLinks.uninsured(scope.linkCounty()) : null),
                percent(insured, permitted), applyingUninsured, counties);
    }

    // --- open hazards (N8.9) --------------------------------------------------------------------

    private Hazards hazards(DashboardScope scope, Map<String, Jurisdiction> areas, OffsetDateTime now) {
        List<CountyHazards> counties = new ArrayList<>();
        long[] total = new long[6];
        for (DashboardRepository.HazardRow row : inAreaOrder(repository.openHazards(scope, now), areas,
                DashboardRepository.HazardRow::county)) {
            long[] counts = {row.majorOverdue(), row.majorInTime(), row.majorSubmitted(), row.generalOverdue(),
                    row.generalInTime(), row.generalSubmitted()};
            for (int i = 0; i < counts.length; i++) {
                total[i] += counts[i];
            }
            counties.add(new CountyHazards(row.county(), name(areas, row.county()), hazardCounts(counts, row.county())));
        }
        String county = scope.linkCounty();
        return new Hazards(hazardCounts(total, county),
                new Figure(total[0] + total[3], DashboardLinks.hazards(null, null, true, county)), counties);
    }

    private static HazardCounts hazardCounts(long[] c, String county) {
        return new HazardCounts(
                new Figure(c[0], DashboardLinks.hazards(MAJOR, null, true, county)),
                new Figure(c[1], DashboardLinks.hazards(MAJOR, OPEN, false, county)),
                new Figure(c[2], DashboardLinks.hazards(MAJOR, SUBMITTED, null, county)),
                new Figure(c[3], DashboardLinks.hazards(GENERAL, null, true, county)),
                new Figure(c[4], DashboardLinks.hazards(GENERAL, OPEN, false, county)),
                new Figure(c[5], DashboardLinks.hazards(GENERAL, SUBMITTED, null, county)));
    }

    // --- closure rate and time (N8.9) -----------------------------------------------------------

    private Closure closure(DashboardScope scope, Map<String, Jurisdiction> areas, OffsetDateTime now) {
        OffsetDateTime from = now.minus(properties.closurePeriod());
        int days = (int) Duration.between(from, now).toDays();
        List<DashboardRepository.ClosureRow> rows = repository.raisedOrClosedSince(scope, from);
        Map<String, List<DashboardRepository.ClosureRow>> byCounty = rows.stream()
                .collect(Collectors.groupingBy(DashboardRepository.ClosureRow::county));
        List<CountyClosure> counties = new ArrayList<>();
        for (String code : inAreaOrder(new ArrayList<>(byCounty.keySet()), areas, Function.identity())) {
            ClosureFigures figures = ClosureFigures.of(byCounty.get(code), from);
            counties.add(new CountyClosure(code, name(areas, code), figures.raised, figures.raisedClosed,
                    percent(figures.raisedClosed, figures.raised), figures.closed, figures.meanDays(),
                    figures.medianDays()));
        }
        ClosureFigures all = ClosureFigures.of(rows, from);
        return new Closure(from.atZoneSameInstant(clock.getZone()).toLocalDate(), days, all.raised, all.raisedClosed,
                percent(all.raisedClosed, all.raised), all.closed, all.closedOnTime, all.meanDays(), all.medianDays(),
                new Figure(all.closed, DashboardLinks.hazards(null, HazardStatus.CLOSED.name(), null, scope.linkCounty())),
                counties);
    }

    /** Closure over the rows of one area (or all): raised since {@code from} and closed; closed since {@code from} and how fast. */
    private record ClosureFigures(long raised, long raisedClosed, long closed, long closedOnTime, List<Long> seconds) {

        static ClosureFigures of(List<DashboardRepository.ClosureRow> rows, OffsetDateTime from) {
            long raised = 0;
            long raisedClosed = 0;
            long onTime = 0;
            List<Long> seconds = new ArrayList<>();
            for (DashboardRepository.ClosureRow row : rows) {
                if (!row.raisedAt().isBefore(from)) {
                    raised++;
                    if (row.closedAt() != null) {
                        raisedClosed++;
                    }
                }
                if (row.closedAt() != null && !row.closedAt().isBefore(from)) {
                    seconds.add(Duration.between(row.raisedAt(), row.closedAt()).getSeconds());
                    if (row.deadlineAt() != null && !row.closedAt().isAfter(row.deadlineAt())) {
                        onTime++;
                    }
                }
            }
            seconds.sort(Comparator.naturalOrder());
            return new ClosureFigures(raised, raisedClosed, seconds.size(), onTime, seconds);
        }

        BigDecimal meanDays() {
            if (seconds.isEmpty()) {
                return null;
            }
            long sum = seconds.stream().mapToLong(Long::longValue).sum();
            return BigDecimal.valueOf(sum).divide(DAY_SECONDS.multiply(BigDecimal.valueOf(seconds.size())), 1,
                    RoundingMode.HALF_UP);
        }

        BigDecimal medianDays() {
            if (seconds.isEmpty()) {
                return null;
            }
            int n = seconds.size();
            BigDecimal middle = n % 2 == 1 ? BigDecimal.valueOf(seconds.get(n / 2))
                    : BigDecimal.valueOf(seconds.get(n / 2 - 1) + seconds.get(n / 2)).divide(BigDecimal.valueOf(2));
            return middle.divide(DAY_SECONDS, 1, RoundingMode.HALF_UP);
        }
    }

    // --- visits (N8.2, N8.5) and claims (N6.5–N6.7) ----------------------------------------------

    private List<ServiceOrgVisits> visits(DashboardScope scope, OffsetDateTime now) {
        String county = scope.linkCounty();
        return repository.visits(scope, now).stream().map(row -> new ServiceOrgVisits(row.serviceOrgId(), row.name(),
                new Figure(row.due(), DashboardLinks.visits(row.serviceOrgId(), "due", county)),
                new Figure(row.done(), DashboardLinks.visits(row.serviceOrgId(), "done", county)),
                new Figure(row.late(), DashboardLinks.visits(row.serviceOrgId(), "late", county)),
                new Figure(row.missed(), DashboardLinks.visits(row.serviceOrgId(), "missed", county)),
                new Figure(row.refused(), DashboardLinks.visits(row.serviceOrgId(), "refused", county)))).toList();
    }

    private List<InsurerClaims> claims(DashboardScope scope) {
        String county = scope.linkCounty();
        return repository.claims(scope).stream().map(row -> new InsurerClaims(row.insurerId(), row.name(),
                new Figure(row.claims(), DashboardLinks.claims(row.insurerId(), false, county)), row.open(),
                new Figure(row.breached(), DashboardLinks.claims(row.insurerId(), true, county)),
                row.acknowledgementLate(), row.decisionLate(), row.paymentLate())).toList();
    }

    // --- ranking (N9.2) -------------------------------------------------------------------------

    /**
     * The latest period among the assessments the user may see: AssessmentService decides which (N9.2), and
     * refuses those who see none.
     */
    private Ranking ranking(Actor actor) {
        List<Assessment> newest;
        try {
            newest = assessments.list(actor, (Long) null, new PageQuery(0, PageQuery.MAX_SIZE)).items();
        } catch (ForbiddenException seesNoAssessment) {
            return null;
        }
        if (newest.isEmpty()) {
            return null;
        }
        Assessment first = newest.get(0);
        List<Ranked> rows = newest.stream()
                .filter(a -> a.periodEnd().equals(first.periodEnd()) && a.periodStart().equals(first.periodStart()))
                .map(a -> new Ranked(a.id(), a.kind().name(), a.kind().label(), a.organizationId(), a.organizationName(),
                        a.rank(), a.rankedOf(), a.score(), a.grade(), DashboardLinks.assessment(a.id())))
                .toList();
        return new Ranking(first.periodStart(), first.periodEnd(), rows);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static <T> List<T> inAreaOrder(List<T> rows, Map<String, Jurisdiction> areas, Function<T, String> county) {
        List<String> order = new ArrayList<>(areas.keySet());
        return rows.stream().sorted(Comparator.comparingInt((T row) -> {
            int index = order.indexOf(county.apply(row));
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(county)).toList();
    }

    private static String name(Map<String, Jurisdiction> areas, String code) {
        Jurisdiction area = areas.get(code);
        return area == null ? code : area.name();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
