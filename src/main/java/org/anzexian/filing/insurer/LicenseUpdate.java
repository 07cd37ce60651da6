package org.anzexian.filing.insurer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The two licences of a filing: as an insurer proposes them in a licence change, and as they stood before. */
public record LicenseUpdate(
        @NotNull(message = "必须填写营业执照 (required)") @Valid InsurerFilingData.License businessLicense,
        @NotNull(message = "必须填写保险许可证 (required)") @Valid InsurerFilingData.License insuranceLicense) {
}
