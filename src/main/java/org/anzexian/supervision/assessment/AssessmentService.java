package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anzexian.filing.gate.InsurerGate;
import java.util.stream.Collectors;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ArchiveVerification;
import org.anzexian.platform.archive.OrganizationArchive;
import org.anzexian.platform.archive.OrganizationArchiveEntry;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The periodic assessment and ranking of insurers and service organizations (N9.2). */
@Service
public class AssessmentService {

    private final AssessmentRepository repository;
    private final AssessmentScores scores;
    private final AssessmentProperties properties;
    private final InsurerGate insurerGate;
    private final NotificationService notifications;
    private final OrganizationArchive archive;
    private final Clock clock;

    static final String EVENT_PUBLISHED = "ASSESSMENT_PUBLISHED";
    static final String EVENT_MEASURE = "ASSESSMENT_MEASURE_DECIDED";
    private static final String SYSTEM_ACTOR = "system";

    AssessmentService(AssessmentRepository repository, AssessmentScores scores, AssessmentProperties properties,
            InsurerGate insurerGate, NotificationService notifications, OrganizationArchive archive, Clock clock) {
        this.notifications = notifications;
        this.archive = archive;
        this.repository = repository;
        this.scores = scores;
        this.properties = properties;
        this.insurerGate = insurerGate;
        this.clock = clock;
    }

    /** The period a run today covers: it ends on the first day of this month and lasts the configured period. */
    public LocalDate[] periodEndingNow() {
        LocalDate end = LocalDate.now(clock).withDayOfMonth(1);
        return new LocalDate[] {end.minus(properties.period()), end};
    }

    /**
     * Computes, scores, ranks and stores the period's assessments of both kinds; a period already assessed
     * is not assessed again (a retried job). Ranks: best score first, ties by organization id.
     *
     * @return the ids of the organizations at the bottom of their ranking for the configured periods in a row
     */
    @Transactional
    public List<Long> assess(LocalDate from, LocalDate to) {
        List<Long> bottom = new ArrayList<>();
        for (Measure.Kind kind : Measure.Kind.values()) {
            if (!repository.periodAssessed(kind, from, to)) {
                rank(kind, from, to);
            }
            repository.ofPeriod(kind, from, to).stream().filter(Assessment::isLast)
                    .filter(last -> repository.latest(last.organizationId(), properties.bottomPeriods()).stream()
                            .filter(Assessment::isLast).count() == properties.bottomPeriods())
                    .forEach(last -> bottom.add(last.organizationId()));
        }
        return bottom;
    }

    private void rank(Measure.Kind kind, LocalDate from, LocalDate to) {
        Map<Long, Map<Measure, List<Assessment.Case>>> byOrg = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            if (measure.kind() == kind) {
                repository.cases(measure, from, to, clock.getZone()).forEach((org, cases) -> byOrg
                        .computeIfAbsent(org, o -> new EnumMap<>(Measure.class)).put(measure, cases));
            }
        }
        record Scored(long org, Map<Measure, List<Assessment.Case>> measures, AssessmentScores.Result result) {
        }
        List<Scored> ranked = byOrg.entrySet().stream().map(entry -> {
            Map<Measure, List<Assessment.Case>> measures = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                if (measure.kind() == kind) {
                    measures.put(measure, entry.getValue().getOrDefault(measure, List.of()));
                }
            }
            Map<Measure, Integer> figures = new EnumMap<>(Measure.class);
            measures.forEach((measure, cases) -> figures.put(measure, cases.size()));
            return new Scored(entry.getKey(), measures, scores.of(figures));
        }).sorted(Comparator.comparing((Scored s) -> s.result().score()).reversed().thenComparing(Scored::org)).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < ranked.size(); i++) {
            Scored s = ranked.get(i);
            repository.insert(s.org(), kind, from, to, s.result().score(), s.result().grade(), i + 1, ranked.size(), now,
                    s.measures());
        }
    }

    /** The ranking of a period, both kinds, in rank order. */
    @Transactional(readOnly = true)
    public List<Assessment> ranking(LocalDate from, LocalDate to) {
        List<Assessment> all = new ArrayList<>();
        for (Measure.Kind kind : Measure.Kind.values()) {
            all.addAll(repository.ofPeriod(kind, from, to));
        }
        return all;
    }

    /**
     * Tells each ranked organization and the city bureau its result (N9.2): score, grade, rank and figures,
     * and keeps it in the organization's archive chain ({@link OrganizationArchive}, tamper-evident). One
     * notice and one archive entry per assessment, so a retried job sends and archives nothing twice.
     */
    @Transactional
    public void publish(LocalDate from, LocalDate to) {
        for (Assessment row : ranking(from, to)) {
            Assessment assessment = repository.find(row.id()).orElseThrow();
            archive.appendOnce(assessment.organizationId(), ArchiveSubject.ASSESSMENT, assessment.id(), EVENT_PUBLISHED,
                    SYSTEM_ACTOR, archived(assessment));
            String lines = assessment.measures().stream()
                    .map(f -> "- " + f.label() + "：" + f.figure()).collect(Collectors.joining("\n"));
            Role role = assessment.kind() == Measure.Kind.INSURER ? Role.INSURER : Role.SERVICE_ORG;
            notifications.enqueueToGroups(NoticeTemplates.ASSESSMENT_RESULT,
                    List.of(PlatformGroups.organization(role, assessment.organizationId()), PlatformGroups.CITY_BUREAU),
                    Map.of("organizationName", assessment.organizationName(), "kindLabel", assessment.kind().label(),
                            "periodStart", from.toString(), "periodEnd", assessment.lastDay().toString(),
                            "score", assessment.score().toPlainString(), "grade", assessment.grade(),
                            "rank", assessment.rank(), "rankedOf", assessment.rankedOf(), "measureLines", lines,
                            "assessmentId", assessment.id()),
                    "assessment:" + assessment.id(), "assessment-result:" + assessment.id());
        }
    }

    /** What the archive keeps of a published assessment: period, organization, kind, score, grade, rank and figures. */
    private static String archived(Assessment a) {
        return a.periodLabel() + " · " + a.kind().label() + " · " + a.organizationName() + "（" + a.organizationId() + "）"
                + " · 得分 " + a.score().toPlainString() + " · " + a.grade() + " · 第 " + a.rank() + " 名（共 " + a.rankedOf()
                + " 家）\n" + a.measures().stream().map(f -> f.measure().name() + "=" + f.figure())
                        .collect(Collectors.joining(" "));
    }

    /** The organization's archive chain, which keeps its published assessments, and whether it is whole; scoped like {@link #get}. */
    @Transactional(readOnly = true)
    public OrganizationChain archive(Actor actor, long organizationId) {
        Set<Long> visible = visibleOrganizations(actor);
        if (visible != null && !visible.contains(organizationId)) {
            throw new NotFoundException("考核档案不存在：" + organizationId);
        }
        List<OrganizationArchiveEntry> entries = archive.entries(organizationId);
        return new OrganizationChain(organizationId, OrganizationArchive.verify(entries), entries);
    }

    /** An organization's archive chain and its verification. */
    public record OrganizationChain(long organizationId, ArchiveVerification verification,
            List<OrganizationArchiveEntry> entries) {
    }

    /** The case summary of the city bureau's decision for one organization: 全市 · 考核末位处理 · its name · the period. */
    @Transactional(readOnly = true)
    public String measureSummary(long organizationId, LocalDate periodEnd) {
        Assessment a = repository.ofOrganization(organizationId, periodEnd)
                .orElseThrow(() -> new NotFoundException("该机构本考核期没有考核记录：" + organizationId));
        String summary = "全市 · 考核末位处理 · " + a.organizationName() + " · " + a.periodLabel();
        return summary.length() <= 120 ? summary : summary.substring(0, 119) + "…";
    }

    /** The city bureau's measure for an organization at the bottom (N9.2); a suspension acts through the insurer gate. */
    @Transactional
    public void applyMeasure(long organizationId, LocalDate periodEnd, BottomMeasure measure, String reason) {
        // the organization comes from a process variable: only the period's last one may be disciplined
        boolean last = repository.ofOrganization(organizationId, periodEnd)
                .filter(row -> row.rank() == row.rankedOf()).isPresent();
        if (!last) {
            throw new ConflictException(null, "该机构在本考核期不是末位，不能决定处理措施 (not last in period ending " + periodEnd + ")");
        }
        repository.recordMeasure(organizationId, periodEnd, measure, reason);
        Assessment decided = repository.ofOrganization(organizationId, periodEnd).orElseThrow();
        archive.appendOnce(organizationId, ArchiveSubject.ASSESSMENT, decided.id(), EVENT_MEASURE, PlatformGroups.CITY_BUREAU,
                decided.periodLabel() + " · 市住建局决定：" + measure.label() + " · " + reason);
        if (measure == BottomMeasure.SUSPEND) {
            insurerGate.suspend(organizationId, "考核连续排名末位，市住建局决定暂停（N9.2）：" + reason);
        }
    }

    /**
     * City bureau and admins see every row, a county authority those of the organizations working in its area
     * (a policy, registration, visit, hazard, claim or quotation there), an insurer or service organization its
     * own (filtered to one organization if asked), nobody else any.
     */
    @Transactional(readOnly = true)
    public PageResult<Assessment> list(Actor actor, Long organizationId, PageQuery page) {
        return list(actor, new AssessmentFilter(organizationId, null, null), page);
    }

    /** {@link #list(Actor, Long, PageQuery)} with every filter. */
    @Transactional(readOnly = true)
    public PageResult<Assessment> list(Actor actor, AssessmentFilter filter, PageQuery page) {
        Set<Long> visible = visibleOrganizations(actor);
        return PageResult.of(repository.page(visible, filter, page.offset(), page.size()),
                repository.count(visible, filter), page);
    }

    /** Every row the actor sees under the filter, with measures and rates, for the Excel export. */
    @Transactional(readOnly = true)
    public List<Assessment> export(Actor actor, AssessmentFilter filter) {
        Set<Long> visible = visibleOrganizations(actor);
        return repository.page(visible, filter, 0, Integer.MAX_VALUE).stream()
                .map(row -> repository.find(row.id()).orElseThrow()).toList();
    }

    /** The periods assessed, newest first, as [start, end); the same for everyone who may see assessments. */
    @Transactional(readOnly = true)
    public List<LocalDate[]> periods(Actor actor) {
        visibleOrganizations(actor);
        return repository.periods();
    }

    /**
     * The points each figure and rate of the assessment takes off its score under the owners' current DMN
     * {@code assessmentScore} (keyed by measure or rate name), for the portal's detail page.
     */
    public Map<String, BigDecimal> pointsOff(Assessment assessment) {
        Map<String, Number> inputs = new LinkedHashMap<>();
        assessment.measures().forEach(f -> inputs.put(f.measure().variable(), f.figure()));
        assessment.rates().forEach(r -> inputs.put(r.rate().variable(), r.percent().doubleValue()));
        Map<String, BigDecimal> byVariable = scores.pointsOff(inputs);
        Map<String, BigDecimal> off = new LinkedHashMap<>();
        assessment.measures().forEach(f -> off.put(f.measure().name(), byVariable.get(f.measure().variable())));
        assessment.rates().forEach(r -> off.put(r.rate().name(), byVariable.get(r.rate().variable())));
        return off;
    }

    @Transactional(readOnly = true)
    public Assessment get(Actor actor, long id) {
        Assessment assessment = repository.find(id).orElseThrow(() -> new NotFoundException("考核记录不存在：" + id));
        Set<Long> own = visibleOrganizations(actor);
        if (own != null && !own.contains(assessment.organizationId())) {
            throw new NotFoundException("考核记录不存在：" + id);
        }
        return assessment;
    }

    /** The organizations whose assessments the actor sees, null for all; refused to whoever sees none. */
    Set<Long> visibleOrganizations(Actor actor) {
        if (actor.seesWholeCity()) {
            return null;
        }
        Set<Long> own = new TreeSet<>(actor.organizationIds(Role.INSURER));
        own.addAll(actor.organizationIds(Role.SERVICE_ORG));
        if (!actor.countyCodes().isEmpty()) {
            own.addAll(repository.workingIn(actor.countyCodes()));
        } else if (own.isEmpty()) {
            throw new ForbiddenException("只有市、县住建部门和被考核机构可以查看考核结果 (N9.2)");
        }
        return own;
    }
}
