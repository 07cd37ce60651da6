package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Shares derived from two measures (N9.2): the part of what fell due or was done that went wrong, in
 * percent (0 when nothing fell due). Its cases are those of its numerator. {@code variable} is an input of
 * DMN {@code assessmentScore}, so owners may weigh a rate instead of a count.
 */
public enum Rate {

    TEAM_REGISTERED_LATE_RATE("teamRegisteredLateRate", "服务团队逾期登记率（N6.3）", Measure.TEAM_REGISTERED_LATE,
            Measure.TEAM_REGISTRATIONS_DUE),
    CLAIM_ACKNOWLEDGED_LATE_RATE("claimAcknowledgedLateRate", "报案受理超时率（N6.5）", Measure.CLAIM_ACKNOWLEDGED_LATE,
            Measure.CLAIMS_REPORTED),
    VISIT_LATE_RATE("visitLateRate", "现场服务迟到率（N8.2）", Measure.VISIT_LATE, Measure.VISIT_DONE),
    VISIT_MISSED_RATE("visitMissedRate", "漏服务率（N8.2）", Measure.VISIT_MISSED, Measure.VISITS_DUE);

    private final String variable;
    private final String label;
    private final Measure numerator;
    private final Measure denominator;

    Rate(String variable, String label, Measure numerator, Measure denominator) {
        this.variable = variable;
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String variable() {
        return variable;
    }

    public String label() {
        return label;
    }

    public Measure numerator() {
        return numerator;
    }

    public Measure denominator() {
        return denominator;
    }

    public Measure.Kind kind() {
        return numerator.kind();
    }

    /** The share in percent, one decimal, of the given figures; 0 when the denominator is 0. */
    public BigDecimal percent(Map<Measure, Integer> figures) {
        int of = figures.getOrDefault(denominator, 0);
        return of == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(100L * figures.getOrDefault(numerator, 0)).divide(BigDecimal.valueOf(of), 1,
                        RoundingMode.HALF_UP);
    }
}
