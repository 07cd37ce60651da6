package org.anzexian.registry.organization;

/** A login of an organization's staff, as the city bureau sees it. */
public record OrganizationUser(long organizationId, String userId, String firstName, String lastName, String email) {
}
