package org.anzexian.platform.archive;

import java.time.OffsetDateTime;
import java.util.List;

/** An entry as stored: the record plus its place in the project's hash chain. */
public record ArchiveEntry(long id, long projectId, long seq, ArchiveSubject subject, long subjectId, String event,
        String actor, String detail, List<String> files, OffsetDateTime recordedAt, String previousHash,
        String entryHash) implements HashChained {

    public ArchiveEntry {
        files = List.copyOf(files);
    }
}
