package org.anzexian.registry.person;

/** Optional criteria of the people list. */
public record PersonFilter(Long organizationId, CertificateType certificateType, Integer minYears) {
}
