package org.anzexian.registry.organization;

/**
 * Optional criteria of the organization list; {@code nameContains} matches case-insensitively,
 * {@code creditCodeStartsWith} the beginning of the unified social credit code (the portal's search, #14).
 */
public record OrganizationFilter(OrganizationType type, String nameContains, String jurisdictionCode,
        String creditCodeStartsWith) {

    public OrganizationFilter(OrganizationType type, String nameContains, String jurisdictionCode) {
        this(type, nameContains, jurisdictionCode, null);
    }
}
