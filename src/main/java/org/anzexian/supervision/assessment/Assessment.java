package org.anzexian.supervision.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One organization's assessment over a period [periodStart, periodEnd) (N9.2); measures and rates only on
 * the detail.
 */
public record Assessment(long id, long organizationId, String organizationName, Measure.Kind kind, LocalDate periodStart,
        LocalDate periodEnd, BigDecimal score, String grade, int rank, int rankedOf, OffsetDateTime assessedAt,
        BottomMeasure bureauMeasure, String bureauMeasureReason, List<Figure> measures, List<RateFigure> rates) {

    /**
     * A measure's figure and the cases behind it ("visit:12", "claim:7" …); {@code details} gives each case's
     * portal page and note (why a quotation was declined) in the same order.
     */
    public record Figure(Measure measure, String label, int figure, List<String> cases, List<Case> details) {
    }

    /** A case behind a figure: its ref, the case page it leads to ({@code visit/12}, {@code policy/3}) and a note. */
    public record Case(String ref, String page, String note) {
    }

    /** A share in percent of two measures' figures; its cases are the numerator's. */
    public record RateFigure(Rate rate, String label, int numerator, int denominator, BigDecimal percent) {
    }

    /** The figure of one measure, with its cases (the cases of a rate are its numerator's). */
    public Figure figure(Measure measure) {
        return measures.stream().filter(f -> f.measure() == measure).findFirst()
                .orElse(new Figure(measure, measure.label(), 0, List.of(), List.of()));
    }

    public boolean isLast() {
        return rankedOf > 1 && rank == rankedOf;
    }

    /** The last day of the period: the period reads "periodStart 至 lastDay" (the end is exclusive). */
    public LocalDate lastDay() {
        return periodEnd.minusDays(1);
    }

    /** The period as people read it: "2023-04-01 至 2023-06-30". */
    @JsonProperty("periodLabel")
    public String periodLabel() {
        return periodLabel(periodStart, periodEnd);
    }

    /** [from, to) as people read it, with its inclusive last day. */
    public static String periodLabel(LocalDate from, LocalDate to) {
        return from + " 至 " + to.minusDays(1);
    }
}
