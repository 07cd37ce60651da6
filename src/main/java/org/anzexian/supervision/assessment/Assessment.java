package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One organization's assessment over a period [periodStart, periodEnd) (N9.2); measures only on the detail. */
public record Assessment(long id, long organizationId, String organizationName, Measure.Kind kind, LocalDate periodStart,
        LocalDate periodEnd, BigDecimal score, String grade, int rank, int rankedOf, OffsetDateTime assessedAt,
        BottomMeasure bureauMeasure, String bureauMeasureReason, List<Figure> measures) {

    /** A measure's figure and the cases behind it ("visit:12", "claim:7" …). */
    public record Figure(Measure measure, String label, int figure, List<String> cases) {
    }

    public boolean isLast() {
        return rankedOf > 1 && rank == rankedOf;
    }
}
