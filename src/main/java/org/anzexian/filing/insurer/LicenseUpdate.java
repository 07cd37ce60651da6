package org.anzexian.filing.insurer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Renewed licenses of a filed or suspended insurer; the city bureau then may reinstate it. */
public record LicenseUpdate(
        @NotNull(message = "必须填写营业执照 (required)") @Valid InsurerFilingData.License businessLicense,
        @NotNull(message = "必须填写保险许可证 (required)") @Valid InsurerFilingData.License insuranceLicense) {
}
