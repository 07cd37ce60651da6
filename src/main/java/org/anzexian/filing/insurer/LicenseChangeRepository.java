package org.anzexian.filing.insurer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class LicenseChangeRepository {

    private static final String SELECT = "SELECT * FROM insurer_license_change ";

    private final JdbcClient jdbc;

    LicenseChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long filingId, String proposedBy, OffsetDateTime now, LicenseUpdate before, LicenseUpdate proposed) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO insurer_license_change (filing_id, status, proposed_by, proposed_at,
                    old_business_license_number, old_business_license_valid_until, old_business_license_hash,
                    old_insurance_license_number, old_insurance_license_valid_until, old_insurance_license_hash,
                    new_business_license_number, new_business_license_valid_until, new_business_license_hash,
                    new_insurance_license_number, new_insurance_license_valid_until, new_insurance_license_hash)
                VALUES (:filingId, 'PENDING', :by, :now, :obn, :obv, :obh, :oin, :oiv, :oih,
                    :nbn, :nbv, :nbh, :nin, :niv, :nih)
                """)
                .param("filingId", filingId).param("by", proposedBy).param("now", now)
                .param("obn", before.businessLicense().number()).param("obv", before.businessLicense().validUntil())
                .param("obh", before.businessLicense().scanHash())
                .param("oin", before.insuranceLicense().number()).param("oiv", before.insuranceLicense().validUntil())
                .param("oih", before.insuranceLicense().scanHash())
                .param("nbn", proposed.businessLicense().number().strip())
                .param("nbv", proposed.businessLicense().validUntil()).param("nbh", proposed.businessLicense().scanHash())
                .param("nin", proposed.insuranceLicense().number().strip())
                .param("niv", proposed.insuranceLicense().validUntil()).param("nih", proposed.insuranceLicense().scanHash())
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE insurer_license_change SET process_instance_id = :pid WHERE id = :id")
                .param("pid", processInstanceId).param("id", id).update();
    }

    void decide(long id, LicenseChange.Status status, String decidedBy, OffsetDateTime at, String reason) {
        jdbc.sql("""
                UPDATE insurer_license_change SET status = :status, decided_by = :by, decided_at = :at, reason = :reason
                WHERE id = :id
                """)
                .param("status", status.name()).param("by", decidedBy).param("at", at).param("reason", reason)
                .param("id", id).update();
    }

    void markApplied(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE insurer_license_change SET applied_at = :at WHERE id = :id").param("at", at).param("id", id).update();
    }

    Optional<LicenseChange> findById(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<LicenseChange> findForUpdate(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    List<LicenseChange> findByFiling(long filingId) {
        return jdbc.sql(SELECT + "WHERE filing_id = :filingId ORDER BY id").param("filingId", filingId)
                .query(this::map).list();
    }

    /** A change under review, or approved and not yet put into the filing. */
    boolean existsUndone(long filingId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM insurer_license_change
                WHERE filing_id = :filingId AND (status = 'PENDING' OR (status = 'APPROVED' AND applied_at IS NULL))
                """)
                .param("filingId", filingId).query(Long.class).single() > 0;
    }

    private LicenseChange map(ResultSet row, int n) throws SQLException {
        return new LicenseChange(row.getLong("id"), row.getLong("filing_id"),
                LicenseChange.Status.valueOf(row.getString("status")), row.getString("proposed_by"),
                row.getObject("proposed_at", OffsetDateTime.class), licenses(row, "old_"), licenses(row, "new_"),
                row.getString("decided_by"), row.getObject("decided_at", OffsetDateTime.class), row.getString("reason"),
                row.getObject("applied_at", OffsetDateTime.class), row.getString("process_instance_id"));
    }

    private static LicenseUpdate licenses(ResultSet row, String prefix) throws SQLException {
        return new LicenseUpdate(license(row, prefix + "business_license_"), license(row, prefix + "insurance_license_"));
    }

    private static License license(ResultSet row, String prefix) throws SQLException {
        return new License(row.getString(prefix + "number"), row.getObject(prefix + "valid_until", LocalDate.class),
                row.getString(prefix + "hash"));
    }
}
