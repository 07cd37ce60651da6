package org.anzexian.claim;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anzexian.claim.*}: the periods of claim handling (N6.5–N6.7, N9.3). The acknowledgement time
 * is in DMN {@code claimServiceLevels}.
 *
 * @param reportWindow            an accident reported later than this is late (N6.5: 24 hours)
 * @param documentsReminderCycle  reminders to the construction unit while documents are outstanding
 * @param decisionPeriod          the decision is due this long after the documents are complete
 * @param decisionReminder        the insurer is reminded this long after the documents are complete
 * @param paymentPeriod           payment is due this long after the agreement
 * @param paymentReminder         the insurer is reminded this long after the agreement
 */
@ConfigurationProperties("anzexian.claim")
record ClaimProperties(
        @DefaultValue("PT24H") Duration reportWindow,
        @DefaultValue("R3/P7D") String documentsReminderCycle,
        @DefaultValue("P30D") Period decisionPeriod,
        @DefaultValue("P25D") Period decisionReminder,
        @DefaultValue("P10D") Period paymentPeriod,
        @DefaultValue("P7D") Period paymentReminder) {
}
