package org.anzexian.registry.organization;

/** A registered organization; {@code groupId} is the Camunda group its staff belong to. */
public record Organization(
        long id,
        OrganizationType type,
        String name,
        String creditCode,
        Long parentId,
        String principal,
        String email,
        String phone,
        String jurisdictionCode,
        String groupId) {
}
