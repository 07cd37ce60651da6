package org.anzexian.registry.organization;

/** Optional criteria of the organization list; {@code nameContains} matches case-insensitively. */
public record OrganizationFilter(OrganizationType type, String nameContains, String jurisdictionCode) {
}
