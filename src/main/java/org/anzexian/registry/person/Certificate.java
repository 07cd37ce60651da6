package org.anzexian.registry.person;

import java.time.LocalDate;

/** A registered certificate of a person (N7.5 counts those still valid). */
public record Certificate(CertificateType type, String number, LocalDate validUntil) {
}
