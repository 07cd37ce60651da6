package org.anzexian.registry.person;

import java.time.LocalDate;

/** A registered certificate of a person; it counts only while {@link #isValidOn valid}. */
public record Certificate(CertificateType type, String number, LocalDate validUntil) {

    public boolean isValidOn(LocalDate day) {
        return !validUntil.isBefore(day);
    }
}
