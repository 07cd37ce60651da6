package org.anzexian.platform.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.anzexian.platform.web.DatabaseProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

@Repository
class ServiceArchiveRepository {

    private static final String SELECT = """
            SELECT id, project_id, seq, subject_type, subject_id, event, actor, detail, files, recorded_at,
                   previous_hash, entry_hash
            FROM service_archive
            """;

    private final JdbcClient jdbc;
    private final String lockChain;
    /** PostgreSQL: an entry reads its predecessor and hashes itself in its insert ({@link #insertAfterLast}). */
    private final boolean chainsInDatabase;

    ServiceArchiveRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.lockChain = lockRow(dataSource, "project", "project");
        this.chainsInDatabase = DatabaseProduct.isPostgreSql(dataSource);
    }

    boolean chainsInDatabase() {
        return chainsInDatabase;
    }

    /**
     * The statement that locks the row standing for a chain's head. PostgreSQL: FOR UPDATE would also wait for
     * the key-share locks that inserting rows which refer to the row take (the step's own record, the entry
     * itself), so two steps that both inserted such rows would deadlock; NO KEY UPDATE only excludes each
     * other. H2 knows FOR UPDATE only and takes no row locks for foreign keys.
     */
    static String lockRow(DataSource dataSource, String table, String param) throws MetaDataAccessException {
        return "SELECT id FROM " + table + " WHERE id = :" + param + " "
                + (DatabaseProduct.isPostgreSql(dataSource) ? "FOR NO KEY UPDATE" : "FOR UPDATE");
    }

    /**
     * Locks the project's chain until the transaction ends: the project's row stands for the head of its
     * chain, so appends to one project wait for each other, on every node, while other projects go on.
     */
    void lockChain(long projectId) {
        jdbc.sql(lockChain).param("project", projectId).query(Long.class).single();
    }

    Optional<ArchiveEntry> last(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = :project ORDER BY seq DESC LIMIT 1")
                .param("project", projectId).query(ServiceArchiveRepository::map).optional();
    }

    long insert(long projectId, long seq, ArchiveRecord record, OffsetDateTime at, String previousHash,
            String entryHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO service_archive (project_id, seq, subject_type, subject_id, event, actor, detail, files,
                    recorded_at, previous_hash, entry_hash)
                VALUES (:project, :seq, :subject, :subjectId, :event, :actor, :detail, :files, :at, :previous, :hash)
                """)
                .param("project", projectId).param("seq", seq).param("subject", record.subject().name())
                .param("subjectId", record.subjectId()).param("event", record.event()).param("actor", record.actor())
                .param("detail", record.detail()).param("files", String.join(" ", record.files()))
                .param("at", at).param("previous", previousHash).param("hash", entryHash)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * PostgreSQL: appends the entry after the project's last one, the link and the hash computed in the insert, where
     * reading the last entry first would be a statement more per business step (#15). The chain must be locked
     * ({@link #lockChain}) by an earlier statement: this statement's snapshot then holds every entry committed before
     * the lock was granted.
     *
     * @param content the entry's own part of its hash ({@code ServiceArchive#content})
     * @return the entry's id
     */
    long insertAfterLast(ArchiveRecord record, OffsetDateTime at, String content) {
        return jdbc.sql("""
                WITH last AS (
                    SELECT seq, entry_hash FROM service_archive WHERE project_id = :project ORDER BY seq DESC LIMIT 1),
                head AS (
                    SELECT COALESCE((SELECT seq FROM last), 0) + 1 AS seq,
                           COALESCE((SELECT entry_hash FROM last), :genesis) AS previous_hash)
                INSERT INTO service_archive (project_id, seq, subject_type, subject_id, event, actor, detail, files,
                    recorded_at, previous_hash, entry_hash)
                SELECT :project, head.seq, :subject, :subjectId, :event, :actor, :detail, :files, :at, head.previous_hash,
                    encode(sha256(convert_to(head.previous_hash || chr(10) || :projectText || chr(10) || head.seq
                        || chr(10) || :content, 'UTF8')), 'hex')
                FROM head
                RETURNING id
                """)
                .param("project", record.projectId()).param("genesis", ServiceArchive.GENESIS)
                .param("subject", record.subject().name()).param("subjectId", record.subjectId())
                .param("event", record.event()).param("actor", record.actor()).param("detail", record.detail())
                .param("files", String.join(" ", record.files())).param("at", at)
                .param("projectText", Long.toString(record.projectId())).param("content", content)
                .query(Long.class).single();
    }

    List<ArchiveEntry> ofProject(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = :project ORDER BY seq")
                .param("project", projectId).query(ServiceArchiveRepository::map).list();
    }

    List<ArchiveEntry> ofSubject(ArchiveSubject subject, long subjectId) {
        return jdbc.sql(SELECT + " WHERE subject_type = :subject AND subject_id = :id ORDER BY project_id, seq")
                .param("subject", subject.name()).param("id", subjectId).query(ServiceArchiveRepository::map).list();
    }

    List<ArchiveEntry> byActor(String actor, int limit) {
        return jdbc.sql(SELECT + " WHERE actor = :actor ORDER BY recorded_at DESC, id DESC LIMIT " + limit)
                .param("actor", actor).query(ServiceArchiveRepository::map).list();
    }

    private static ArchiveEntry map(ResultSet rs, int row) throws SQLException {
        String files = rs.getString("files");
        return new ArchiveEntry(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("seq"),
                ArchiveSubject.valueOf(rs.getString("subject_type")), rs.getLong("subject_id"), rs.getString("event"),
                rs.getString("actor"), rs.getString("detail"),
                files.isBlank() ? List.of() : Arrays.asList(files.split(" ")),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }
}
