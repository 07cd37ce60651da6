package org.anzexian.platform.archive;

import java.util.List;
import java.util.Objects;

/**
 * One step to keep in a project's service archive (N6.4): what happened ({@code event}, e.g.
 * {@code HAZARD_RAISED}), to which record, by whom, a human-readable detail and the SHA-256 of any files
 * the step carried.
 */
public record ArchiveRecord(long projectId, ArchiveSubject subject, long subjectId, String event, String actor,
        String detail, List<String> files) {

    public ArchiveRecord {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
        detail = detail == null ? "" : detail;
        files = files == null ? List.of() : List.copyOf(files);
    }

    public ArchiveRecord(long projectId, ArchiveSubject subject, long subjectId, String event, String actor,
            String detail) {
        this(projectId, subject, subjectId, event, actor, detail, List.of());
    }
}
