package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of underwriting ({@code anzexian.underwriting.*}, N9.3: changeable without a release).
 *
 * @param quotationReminder       after how long an unissued quotation letter reminds the insurer
 * @param quotationEscalation     after how long it is escalated to the insurer and its head office
 * @param maxPreventionFeePercent the largest share of the premium the prevention-service fee may take
 * @param policyNumberPrefix      prefix of policy numbers, followed by year and sequence ({@code XZAZB-2026-000001})
 */
@ConfigurationProperties("anzexian.underwriting")
record UnderwritingProperties(
        @DefaultValue("P3D") Duration quotationReminder,
        @DefaultValue("P7D") Duration quotationEscalation,
        @DefaultValue("30") BigDecimal maxPreventionFeePercent,
        @DefaultValue("XZAZB") String policyNumberPrefix) {
}
