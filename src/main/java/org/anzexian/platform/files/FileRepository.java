package org.anzexian.platform.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FileRepository {

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file, byte[] content) {
        jdbc.sql("""
                INSERT INTO stored_file (sha256, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                VALUES (:sha256, :fileName, :contentType, :size, :content, :uploadedBy, :uploadedAt)
                """)
                .param("sha256", file.sha256())
                .param("fileName", file.fileName())
                .param("contentType", file.contentType())
                .param("size", file.size())
                .param("content", content)
                .param("uploadedBy", file.uploadedBy())
                .param("uploadedAt", file.uploadedAt())
                .update();
    }

    void addUploader(String sha256, String userId, OffsetDateTime at) {
        if (isUploader(sha256, userId)) {
            return;
        }
        jdbc.sql("INSERT INTO stored_file_uploader (sha256, user_id, uploaded_at) VALUES (:sha256, :userId, :at)")
                .param("sha256", sha256).param("userId", userId).param("at", at).update();
    }

    boolean isUploader(String sha256, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM stored_file_uploader WHERE sha256 = :sha256 AND user_id = :userId")
                .param("sha256", sha256).param("userId", userId).query(Long.class).single() > 0;
    }

    void addOwner(String sha256, String groupId) {
        jdbc.sql("""
                INSERT INTO stored_file_owner (sha256, group_id)
                SELECT :sha256, :groupId WHERE NOT EXISTS
                    (SELECT 1 FROM stored_file_owner WHERE sha256 = :sha256 AND group_id = :groupId)
                """).param("sha256", sha256).param("groupId", groupId).update();
    }

    List<String> owners(String sha256) {
        return jdbc.sql("SELECT group_id FROM stored_file_owner WHERE sha256 = :sha256")
                .param("sha256", sha256).query(String.class).list();
    }

    void addAttachment(String sha256, String recordType, long recordId) {
        jdbc.sql("""
                INSERT INTO stored_file_attachment (sha256, record_type, record_id)
                SELECT :sha256, :type, :id WHERE NOT EXISTS (SELECT 1 FROM stored_file_attachment
                    WHERE sha256 = :sha256 AND record_type = :type AND record_id = :id)
                """).param("sha256", sha256).param("type", recordType).param("id", recordId).update();
    }

    List<Attachment> attachments(String sha256) {
        return jdbc.sql("SELECT record_type, record_id FROM stored_file_attachment WHERE sha256 = :sha256")
                .param("sha256", sha256)
                .query((row, n) -> new Attachment(row.getString("record_type"), row.getLong("record_id"))).list();
    }

    record Attachment(String recordType, long recordId) {
    }

    Optional<StoredFile> find(String sha256) {
        return jdbc.sql("""
                SELECT sha256, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                FROM stored_file WHERE sha256 = :sha256
                """)
                .param("sha256", sha256).query(FileRepository::map).optional();
    }

    Optional<byte[]> content(String sha256) {
        return jdbc.sql("SELECT content FROM stored_file WHERE sha256 = :sha256")
                .param("sha256", sha256).query((row, n) -> row.getBytes("content")).optional();
    }

    private static StoredFile map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredFile(row.getString("sha256"), row.getString("file_name"), row.getString("content_type"),
                row.getLong("size_bytes"), row.getString("uploaded_by"),
                row.getObject("uploaded_at", OffsetDateTime.class));
    }
}
