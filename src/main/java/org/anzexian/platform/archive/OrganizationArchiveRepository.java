package org.anzexian.platform.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationArchiveRepository {

    private static final String SELECT = """
            SELECT id, organization_id, seq, subject_type, subject_id, event, actor, detail, recorded_at,
                   previous_hash, entry_hash
            FROM organization_archive
            """;

    private final JdbcClient jdbc;
    private final String lockChain;

    OrganizationArchiveRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        // the organization's row stands for its chain's head (see ServiceArchiveRepository#lockRow)
        this.lockChain = ServiceArchiveRepository.lockRow(dataSource, "organization", "org");
    }

    void lockChain(long organizationId) {
        jdbc.sql(lockChain).param("org", organizationId).query(Long.class).single();
    }

    boolean exists(ArchiveSubject subject, long subjectId, String event) {
        return jdbc.sql("SELECT COUNT(*) FROM organization_archive WHERE subject_type = :s AND subject_id = :id AND event = :e")
                .param("s", subject.name()).param("id", subjectId).param("e", event).query(Long.class).single() > 0;
    }

    Optional<OrganizationArchiveEntry> last(long organizationId) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .param("org", organizationId).query(OrganizationArchiveRepository::map).optional();
    }

    void insert(OrganizationArchiveEntry entry, String entryHash) {
        jdbc.sql("""
                INSERT INTO organization_archive (organization_id, seq, subject_type, subject_id, event, actor, detail,
                    recorded_at, previous_hash, entry_hash)
                VALUES (:org, :seq, :subject, :subjectId, :event, :actor, :detail, :at, :previous, :hash)
                """)
                .param("org", entry.organizationId()).param("seq", entry.seq()).param("subject", entry.subject().name())
                .param("subjectId", entry.subjectId()).param("event", entry.event()).param("actor", entry.actor())
                .param("detail", entry.detail()).param("at", entry.recordedAt()).param("previous", entry.previousHash())
                .param("hash", entryHash).update();
    }

    List<OrganizationArchiveEntry> ofOrganization(long organizationId) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org ORDER BY seq")
                .param("org", organizationId).query(OrganizationArchiveRepository::map).list();
    }

    private static OrganizationArchiveEntry map(ResultSet rs, int row) throws SQLException {
        return new OrganizationArchiveEntry(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("seq"),
                ArchiveSubject.valueOf(rs.getString("subject_type")), rs.getLong("subject_id"), rs.getString("event"),
                rs.getString("actor"), rs.getString("detail"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getString("previous_hash"), rs.getString("entry_hash"));
    }
}
