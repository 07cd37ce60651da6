package org.anzexian.platform.archive;

/** What an archive entry is about; stored by name, so names never change once used. */
public enum ArchiveSubject {
    POLICY,
    SERVICE_TEAM,
    VISIT,
    HAZARD,
    CLAIM,
    /** A published assessment and ranking (N9.2), in the organization's chain ({@link OrganizationArchive}). */
    ASSESSMENT
}
