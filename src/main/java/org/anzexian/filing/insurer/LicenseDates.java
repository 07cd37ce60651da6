package org.anzexian.filing.insurer;

import java.time.Clock;
import java.time.LocalDate;
import org.anzexian.filing.FilingProperties;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.platform.web.FieldViolations;
import org.springframework.stereotype.Component;

/**
 * Whether a licence's last valid day is plausible (#11, N3.1, N3.3): a date such as 0001-01-01 or
 * 9999-12-31 is a typing error or a way around the expiry watch (N5.2), never a licence. The window
 * is {@code anzexian.filing.license-earliest-date} to today plus {@code license-longest-ahead}.
 */
@Component
class LicenseDates {

    private final FilingProperties properties;
    private final Clock clock;

    LicenseDates(FilingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A filing's licence: an expired one is a failed check (the insurer corrects it), an implausible one a refusal. */
    void checkFiled(FieldViolations violations, String field, License license) {
        if (license == null || license.validUntil() == null) {
            return;
        }
        LocalDate validUntil = license.validUntil();
        if (validUntil.isBefore(properties.licenseEarliestDate())) {
            violations.add(field + ".validUntil", "有效期至不能早于 " + properties.licenseEarliestDate()
                    + " (implausible date: before " + properties.licenseEarliestDate() + ")");
        }
        LocalDate latest = today().plus(properties.licenseLongestAhead());
        if (validUntil.isAfter(latest)) {
            violations.add(field + ".validUntil", "有效期至不能晚于 " + latest + " (implausible date: after " + latest + ")");
        }
    }

    /** A renewed licence: plausible, and valid today — an expired licence renews nothing. */
    void checkRenewed(FieldViolations violations, String field, License license) {
        checkFiled(violations, field, license);
        if (license != null && license.validUntil() != null && !violations.has(field + ".validUntil")
                && license.validUntil().isBefore(today())) {
            violations.add(field + ".validUntil", "新证照已过期，不能作为变更后的证照 (the new licence has expired)");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
