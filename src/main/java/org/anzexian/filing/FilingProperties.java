package org.anzexian.filing;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Durations of both filings, the insurer's and the service organization's ({@code anzexian.filing.*},
 * N9.3: changeable without a release), bound once here. The thresholds of the checks live in the DMN
 * tables {@code insurerEligibility} and {@code serviceOrgEligibility} instead.
 *
 * @param correctionDeadline   how long the filer has to correct a filing before it lapses
 * @param reviewReminder       after how long an unfinished review reminds the city bureau
 * @param expiryReminderBefore how long before a license expires the insurer is reminded
 * @param watchCycle           when the expiry watch runs: a Camunda time cycle (cron or ISO 8601 repetition)
 * @param numberPrefix         prefix of filing numbers, followed by year and sequence ({@code XZAZX-2026-0001})
 * @param licenseEarliestDate  no licence date before this day is plausible (N3.1, N3.3: a typing error or a
 *                             placeholder such as 0001-01-01, refused)
 * @param licenseLongestAhead  a licence valid further ahead than this from today is implausible (9999-12-31)
 * @param licenseChangeReview  the city bureau's review of a licence change is due this long after the proposal
 */
@ConfigurationProperties("anzexian.filing")
public record FilingProperties(
        @DefaultValue("P30D") Period correctionDeadline,
        @DefaultValue("P5D") Period reviewReminder,
        @DefaultValue("P30D") Period expiryReminderBefore,
        @DefaultValue("0 30 1 * * ?") String watchCycle,
        @DefaultValue("XZAZX") String numberPrefix,
        @DefaultValue("1980-01-01") LocalDate licenseEarliestDate,
        @DefaultValue("P30Y") Period licenseLongestAhead,
        @DefaultValue("P5D") Period licenseChangeReview) {
}
