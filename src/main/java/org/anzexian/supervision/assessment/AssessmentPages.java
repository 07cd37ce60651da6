package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's assessment pages (N9.2), scoped exactly like {@code /api/assessments}: the ranking of a period
 * (the latest first), insurers and service organizations apart, with the change against the period before;
 * and one organization's assessment with each measure, what it took off the score and the cases behind it.
 */
@PortalController
class AssessmentPages {

    private final AssessmentService assessments;
    private final CurrentActor currentActor;

    AssessmentPages(AssessmentService assessments, CurrentActor currentActor) {
        this.assessments = assessments;
        this.currentActor = currentActor;
    }

    /** A period in the list of periods: its label, its end as the link's parameter, whether it is shown. */
    record PeriodLink(String label, LocalDate periodEnd, boolean current) {
    }

    /** One line of a ranking: the assessment and its change against the organization's previous period. */
    record RankLine(Assessment assessment, String rankChange, String scoreChange) {
    }

    /** The ranking of one kind. */
    record RankGroup(String label, List<RankLine> lines) {
    }

    @GetMapping("/portal/assessments")
    String ranking(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
            Model model) {
        return rankingPage(periodEnd, model);
    }

    @GetMapping("/portal/assessments/{id}")
    String assessment(@PathVariable long id, Model model) {
        var actor = currentActor.require();
        Assessment assessment = assessments.get(actor, id);
        model.addAttribute("assessment", assessment);
        model.addAttribute("pointsOff", assessments.pointsOff(assessment));
        model.addAttribute("chain", assessments.archive(actor, assessment.organizationId()));
        return "portal/assessment";
    }

    private String rankingPage(LocalDate periodEnd, Model model) {
        var actor = currentActor.require();
        List<LocalDate[]> periods = assessments.periods(actor);
        int shown = 0;
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i)[1].equals(periodEnd)) {
                shown = i;
            }
        }
        List<PeriodLink> links = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            links.add(new PeriodLink(Assessment.periodLabel(periods.get(i)[0], periods.get(i)[1]), periods.get(i)[1], i == shown));
        }
        model.addAttribute("periods", links);
        if (!periods.isEmpty()) {
            LocalDate[] period = periods.get(shown);
            Map<Long, Assessment> previous = shown + 1 < periods.size()
                    ? rows(actor, periods.get(shown + 1)[1]).stream().collect(Collectors.toMap(Assessment::organizationId,
                            Function.identity(), (a, b) -> a))
                    : Map.of();
            List<Assessment> rows = rows(actor, period[1]);
            model.addAttribute("period", Assessment.periodLabel(period[0], period[1]));
            model.addAttribute("periodEnd", period[1]);
            model.addAttribute("groups", java.util.Arrays.stream(Measure.Kind.values())
                    .map(kind -> new RankGroup(kind.label(), lines(rows, kind, previous))).toList());
        }
        return "portal/assessments";
    }

    private List<Assessment> rows(org.anzexian.platform.access.Actor actor, LocalDate periodEnd) {
        List<Assessment> rows = new ArrayList<>();
        for (int page = 0;; page++) {
            var result = assessments.list(actor, new AssessmentFilter(null, null, periodEnd),
                    new PageQuery(page, PageQuery.MAX_SIZE));
            rows.addAll(result.items());
            if (rows.size() >= result.total() || result.items().isEmpty()) {
                return rows;
            }
        }
    }

    private static List<RankLine> lines(List<Assessment> rows, Measure.Kind kind, Map<Long, Assessment> previous) {
        return rows.stream().filter(a -> a.kind() == kind).map(a -> {
            Assessment before = previous.get(a.organizationId());
            if (before == null) {
                return new RankLine(a, "新参评", "—");
            }
            int moved = before.rank() - a.rank();
            BigDecimal delta = a.score().subtract(before.score());
            return new RankLine(a, moved > 0 ? "↑" + moved : moved < 0 ? "↓" + (-moved) : "持平",
                    (delta.signum() > 0 ? "+" : "") + delta.toPlainString());
        }).toList();
    }
}
