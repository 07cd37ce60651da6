package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of underwriting ({@code anzexian.underwriting.*}, N9.3: changeable without a release).
 *
 * @param quotationReminder       after how long an unissued quotation letter reminds the insurer
 * @param quotationEscalation     after how long it is escalated to the insurer and its head office; the
 *                                letter task's due date
 * @param reviewWithin            how long the insurer has to review an application (核保): the task's due date
 * @param premiumWithin           how long the insurer has to confirm the full premium (N4.3), of a policy or an
 *                                endorsement: the task's due date
 * @param maxPreventionFeePercent the largest share of the premium the prevention-service fee may take
 * @param policyNumberPrefix      prefix of policy numbers, followed by year and sequence ({@code XZAZB-2026-000001})
 */
@ConfigurationProperties("anzexian.underwriting")
record UnderwritingProperties(
        @DefaultValue("P3D") Duration quotationReminder,
        @DefaultValue("P7D") Duration quotationEscalation,
        @DefaultValue("P5D") Duration reviewWithin,
        @DefaultValue("P15D") Duration premiumWithin,
        @DefaultValue("30") BigDecimal maxPreventionFeePercent,
        @DefaultValue("XZAZB") String policyNumberPrefix) {
}
