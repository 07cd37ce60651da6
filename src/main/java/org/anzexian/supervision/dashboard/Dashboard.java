package org.anzexian.supervision.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The portal's overview (N9.1, N9.2), scoped like {@code /api}: every figure counts only what the user may
 * see, and each countable figure carries the address of the list behind it ({@link Figure#href}, null when
 * the user has no such list). A section is null when it does not concern the user (a service organization
 * has no coverage and no claims; the ranking is null for those AssessmentService shows none).
 * {@code visitsMissed} and {@code claimsBreached} are the totals of their tables, for the key-figure cards.
 */
public record Dashboard(
        String scope,
        String county,
        OffsetDateTime computedAt,
        Coverage coverage,
        Hazards hazards,
        Closure closure,
        List<ServiceOrgVisits> visits,
        Figure visitsMissed,
        List<InsurerClaims> claims,
        Figure claimsBreached,
        Ranking ranking) {

    /** A count and the filtered list that shows its cases. */
    public record Figure(long value, String href) {
    }

    /**
     * Projects holding a construction permit ({@code permitted}) and how many of them hold a policy in force
     * today on their construction contract — the notion of the uninsured list (N1.3), so {@code uninsured}
     * is its count; {@code applyingUninsured}: projects applying for a permit without one (N1.1 wants the
     * policy before the application), not in that list.
     */
    public record Coverage(long permitted, long insured, Figure uninsured, BigDecimal insuredPercent,
            long applyingUninsured, List<CountyCoverage> counties) {
    }

    public record CountyCoverage(String county, String countyName, long permitted, long insured, Figure uninsured,
            BigDecimal insuredPercent) {
    }

    /**
     * Hazards not yet closed (N8.9), as the hazard list filters them: overdue = open past the deadline
     * ({@code overdue=true}), in time = open within it ({@code status=OPEN&overdue=false}), submitted = the
     * rectification awaits verification ({@code status=SUBMITTED}).
     */
    public record HazardCounts(Figure majorOverdue, Figure majorInTime, Figure majorSubmitted, Figure generalOverdue,
            Figure generalInTime, Figure generalSubmitted) {

        public long open() {
            return majorOverdue.value() + majorInTime.value() + majorSubmitted.value() + generalOverdue.value()
                    + generalInTime.value() + generalSubmitted.value();
        }

        public long overdue() {
            return majorOverdue.value() + generalOverdue.value();
        }
    }

    public record Hazards(HazardCounts total, Figure overdue, List<CountyHazards> counties) {
    }

    public record CountyHazards(String county, String countyName, HazardCounts counts) {
    }

    /**
     * Over the hazards raised since {@code from}: how many are closed (销号) and the closure rate; over the
     * hazards closed since {@code from}: the mean and median days from raising to closing and how many were
     * closed by their deadline. Days to one decimal; null when nothing was closed.
     */
    public record Closure(LocalDate from, int days, long raised, long raisedClosed, BigDecimal closurePercent,
            long closed, long closedOnTime, BigDecimal meanDays, BigDecimal medianDays, Figure closedHref,
            List<CountyClosure> counties) {
    }

    public record CountyClosure(String county, String countyName, long raised, long raisedClosed,
            BigDecimal closurePercent, long closed, BigDecimal meanDays, BigDecimal medianDays) {
    }

    /**
     * Prevention-service visits of one service organization (N8.2, N8.5), as the visit list's {@code state}
     * filters them: due = open, due date not past (待服务), done = visited or reported, late = done after the
     * due date, missed = open past the due date, refused = the site refused or obstructed the service.
     */
    public record ServiceOrgVisits(long serviceOrgId, String serviceOrgName, Figure due, Figure done, Figure late,
            Figure missed, Figure refused) {
    }

    /**
     * Claims of one insurer (N6.5–N6.7): all, those still being handled, and those with a recorded
     * service-level breach ({@code breach=true}), with the breaches by kind.
     */
    public record InsurerClaims(long insurerId, String insurerName, Figure claims, long open, Figure breached,
            long acknowledgementLate, long decisionLate, long paymentLate) {
    }

    /** The latest assessment period the user may see (N9.2), best rank first, per kind. */
    public record Ranking(LocalDate periodStart, LocalDate periodEnd, List<Ranked> rows) {
    }

    public record Ranked(long assessmentId, String kind, String kindLabel, long organizationId, String organizationName,
            int rank, int rankedOf, BigDecimal score, String grade, String href) {
    }
}
