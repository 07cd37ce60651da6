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
 * @param surveyPeriod            the survey is due this long after the acknowledgement (task due date, #12)
 * @param documentsPeriod         the documents are due this long after the acknowledgement or a request for more
 * @param documentsReviewPeriod   the insurer reviews the documents within this long of their submission
 * @param recommendationsPeriod   the N6.7 recommendations are due this long after the payment
 * @param reportablePolicyGrace   the report form still offers a policy this long after its end (a late
 *                                report of an accident within the period)
 */
@ConfigurationProperties("anzexian.claim")
record ClaimProperties(
        @DefaultValue("PT24H") Duration reportWindow,
        @DefaultValue("R3/P7D") String documentsReminderCycle,
        @DefaultValue("P30D") Period decisionPeriod,
        @DefaultValue("P25D") Period decisionReminder,
        @DefaultValue("P10D") Period paymentPeriod,
        @DefaultValue("P7D") Period paymentReminder,
        @DefaultValue("PT48H") Duration surveyPeriod,
        @DefaultValue("P21D") Duration documentsPeriod,
        @DefaultValue("P5D") Duration documentsReviewPeriod,
        @DefaultValue("P15D") Duration recommendationsPeriod,
        @DefaultValue("P30D") Period reportablePolicyGrace) {
}
