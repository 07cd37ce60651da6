package org.anzexian.registry.project;

/** Optional criteria of the project list. */
public record ProjectFilter(
        String jurisdictionCode, ProjectCategory category, PermitStatus permitStatus, Long constructionUnitId) {
}
