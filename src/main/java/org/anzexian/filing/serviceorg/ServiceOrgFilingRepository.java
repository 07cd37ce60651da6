package org.anzexian.filing.serviceorg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Qualification;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ServiceOrgFilingRepository {

    private static final String SELECT = """
            SELECT id, organization_id, credit_code, company_name, address, principal, phone, qualification_number,
                   qualification_class, qualification_valid_until, no_bad_record_declared, quality_system,
                   quality_system_file, status, check_round, filing_number, submitted_by, submitted_at,
                   review_decision, review_reason, reviewed_by, filed_at, process_instance_id
            FROM service_org_filing
            """;

    private final JdbcClient jdbc;

    ServiceOrgFilingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long organizationId, ServiceOrgFilingRequest data, String submittedBy, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO service_org_filing (organization_id, credit_code, company_name, address, principal, phone,
                    qualification_number, qualification_class, qualification_valid_until, no_bad_record_declared,
                    quality_system, quality_system_file, status, check_round, submitted_by, submitted_at, updated_at)
                VALUES (:organizationId, :creditCode, :companyName, :address, :principal, :phone, :qualificationNumber,
                    :qualificationClass, :qualificationValidUntil, :declared, :qualitySystem, :qualitySystemFile,
                    'SUBMITTED', 0, :submittedBy, :now, :now)
                """)
                .param("organizationId", organizationId)
                .param("creditCode", data.creditCode())
                .param("companyName", data.companyName().strip())
                .param("address", data.address())
                .param("principal", data.principal().strip())
                .param("phone", data.phone())
                .param("qualificationNumber", data.qualification() == null ? null : data.qualification().certificateNumber())
                .param("qualificationClass", data.qualification() == null ? null : data.qualification().qualificationClass().name())
                .param("qualificationValidUntil", data.qualification() == null ? null : data.qualification().validUntil())
                .param("declared", data.noBadRecordDeclared())
                .param("qualitySystem", data.qualitySystem())
                .param("qualitySystemFile", data.qualitySystemFile())
                .param("submittedBy", submittedBy)
                .param("now", now)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        insertLists(id, data);
        return id;
    }

    /** Replaces the filed data (a correction); status and history stay. */
    void replaceData(long id, ServiceOrgFilingRequest data, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE service_org_filing SET company_name = :companyName, address = :address, principal = :principal,
                    phone = :phone, qualification_number = :qualificationNumber, qualification_class = :qualificationClass,
                    qualification_valid_until = :qualificationValidUntil, no_bad_record_declared = :declared,
                    quality_system = :qualitySystem, quality_system_file = :qualitySystemFile, updated_at = :now
                WHERE id = :id
                """)
                .param("companyName", data.companyName().strip())
                .param("address", data.address())
                .param("principal", data.principal().strip())
                .param("phone", data.phone())
                .param("qualificationNumber", data.qualification() == null ? null : data.qualification().certificateNumber())
                .param("qualificationClass", data.qualification() == null ? null : data.qualification().qualificationClass().name())
                .param("qualificationValidUntil", data.qualification() == null ? null : data.qualification().validUntil())
                .param("declared", data.noBadRecordDeclared())
                .param("qualitySystem", data.qualitySystem())
                .param("qualitySystemFile", data.qualitySystemFile())
                .param("now", now)
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM service_org_filing_staff_cert WHERE staff_id IN "
                + "(SELECT id FROM service_org_filing_staff WHERE filing_id = :id)").param("id", id).update();
        for (String table : List.of("service_org_filing_staff", "service_org_filing_team", "service_org_filing_evidence",
                "service_org_filing_engagement")) {
            jdbc.sql("DELETE FROM " + table + " WHERE filing_id = :id").param("id", id).update();
        }
        insertLists(id, data);
    }

    private void insertLists(long id, ServiceOrgFilingRequest data) {
        for (Engagement engagement : data.engagements()) {
            jdbc.sql("""
                    INSERT INTO service_org_filing_engagement (filing_id, client, client_type, start_date, end_date)
                    VALUES (:id, :client, :clientType, :from, :to)
                    """)
                    .param("id", id).param("client", engagement.client().strip())
                    .param("clientType", engagement.clientType().name())
                    .param("from", engagement.from()).param("to", engagement.to()).update();
        }
        for (int i = 0; i < data.evidenceFiles().size(); i++) {
            jdbc.sql("INSERT INTO service_org_filing_evidence (filing_id, position, sha256) VALUES (:id, :position, :sha256)")
                    .param("id", id).param("position", i).param("sha256", data.evidenceFiles().get(i)).update();
        }
        for (TeamMember member : data.team()) {
            jdbc.sql("INSERT INTO service_org_filing_team (filing_id, name, team_role) VALUES (:id, :name, :role)")
                    .param("id", id).param("name", member.name().strip()).param("role", member.role().name()).update();
        }
        for (int i = 0; i < data.staff().size(); i++) {
            StaffMember person = data.staff().get(i);
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO service_org_filing_staff (filing_id, position, name, title, safety_years)
                    VALUES (:id, :position, :name, :title, :years)
                    """)
                    .param("id", id).param("position", i).param("name", person.name().strip())
                    .param("title", person.title()).param("years", person.safetyYears())
                    .update(key, "id");
            long staffId = key.getKeyAs(Long.class);
            for (StaffCertificate certificate : person.certificates()) {
                jdbc.sql("""
                        INSERT INTO service_org_filing_staff_cert (staff_id, cert_type, cert_number, valid_until)
                        VALUES (:staffId, :type, :number, :validUntil)
                        """)
                        .param("staffId", staffId).param("type", certificate.type().strip())
                        .param("number", certificate.number().strip()).param("validUntil", certificate.validUntil())
                        .update();
            }
        }
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE service_org_filing SET process_instance_id = :pid WHERE id = :id")
                .param("pid", processInstanceId).param("id", id).update();
    }

    void setStatus(long id, FilingStatus status, OffsetDateTime now) {
        jdbc.sql("UPDATE service_org_filing SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status.name()).param("now", now).param("id", id).update();
    }

    int nextRound(long id) {
        jdbc.sql("UPDATE service_org_filing SET check_round = check_round + 1 WHERE id = :id").param("id", id).update();
        return jdbc.sql("SELECT check_round FROM service_org_filing WHERE id = :id").param("id", id)
                .query(Integer.class).single();
    }

    void insertCheck(long id, int round, CheckResult result, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO service_org_filing_check (filing_id, check_round, check_id, label, passed, reason, checked_at)
                VALUES (:id, :round, :checkId, :label, :passed, :reason, :now)
                """)
                .param("id", id).param("round", round).param("checkId", result.check().name())
                .param("label", result.label()).param("passed", result.passed()).param("reason", result.reason())
                .param("now", now).update();
    }

    List<CheckResult> checks(long id, int round) {
        return jdbc.sql("""
                SELECT check_id, label, passed, reason FROM service_org_filing_check
                WHERE filing_id = :id AND check_round = :round ORDER BY id
                """)
                .param("id", id).param("round", round)
                .query((row, n) -> new CheckResult(EligibilityCheck.valueOf(row.getString("check_id")),
                        row.getString("label"), row.getBoolean("passed"), row.getString("reason")))
                .list();
    }

    void recordReview(long id, ReviewDecision decision, String reason, String reviewer, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE service_org_filing SET review_decision = :decision, review_reason = :reason,
                    reviewed_by = :reviewer, reviewed_at = :now, updated_at = :now
                WHERE id = :id
                """)
                .param("decision", decision.name()).param("reason", reason).param("reviewer", reviewer)
                .param("now", now).param("id", id).update();
    }

    void markFiled(long id, String filingNumber, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE service_org_filing SET status = 'FILED', filing_number = :number, filed_at = :now, updated_at = :now
                WHERE id = :id
                """)
                .param("number", filingNumber).param("now", now).param("id", id).update();
    }

    /** Open or filed filings of the organization: it may hold only one at a time. */
    List<Long> activeFilingsOf(long organizationId) {
        return jdbc.sql("""
                SELECT id FROM service_org_filing
                WHERE organization_id = :org AND status IN ('SUBMITTED', 'NEEDS_CORRECTION', 'IN_REVIEW', 'FILED')
                """)
                .param("org", organizationId).query(Long.class).list();
    }

    Optional<ServiceOrgFiling> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Filings of the given organizations, newest first; {@code null}: all organizations. */
    List<ServiceOrgFiling> findByOrganizations(Collection<Long> organizationIds, FilingStatus status) {
        List<String> conditions = new ArrayList<>();
        if (organizationIds != null) {
            conditions.add("organization_id IN (:orgs)");
        }
        if (status != null) {
            conditions.add("status = :status");
        }
        var statement = jdbc.sql(SELECT + (conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions))
                + " ORDER BY id DESC");
        if (organizationIds != null) {
            statement = statement.param("orgs", organizationIds);
        }
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement.query(this::map).list();
    }

    List<RegisteredServiceOrg> register() {
        return jdbc.sql("""
                SELECT f.id, f.organization_id, f.filing_number, f.company_name, f.credit_code, f.qualification_class,
                       f.qualification_number, f.filed_at,
                       (SELECT COUNT(*) FROM service_org_filing_team t WHERE t.filing_id = f.id) AS team_size
                FROM service_org_filing f WHERE f.status = 'FILED' ORDER BY f.filing_number
                """)
                .query((row, n) -> new RegisteredServiceOrg(row.getLong("organization_id"), row.getLong("id"),
                        row.getString("filing_number"), row.getString("company_name"), row.getString("credit_code"),
                        row.getString("qualification_class") == null ? "受托风险管理服务经历"
                                : "监理资质" + QualificationClass.valueOf(row.getString("qualification_class")).label()
                                        + "（" + row.getString("qualification_number") + "）",
                        row.getInt("team_size"), row.getObject("filed_at", OffsetDateTime.class)))
                .list();
    }

    private ServiceOrgFiling map(ResultSet row, int rowNumber) throws SQLException {
        long id = row.getLong("id");
        int round = row.getInt("check_round");
        String qualificationClass = row.getString("qualification_class");
        Qualification qualification = qualificationClass == null ? null : new Qualification(
                row.getString("qualification_number"), QualificationClass.valueOf(qualificationClass),
                row.getObject("qualification_valid_until", LocalDate.class));
        ServiceOrgFilingRequest data = new ServiceOrgFilingRequest(row.getString("credit_code"),
                row.getString("company_name"), row.getString("address"), row.getString("principal"),
                row.getString("phone"), qualification, engagements(id), evidence(id),
                row.getBoolean("no_bad_record_declared"), row.getString("quality_system"),
                row.getString("quality_system_file"), team(id), staff(id));
        FilingStatus status = FilingStatus.valueOf(row.getString("status"));
        String decision = row.getString("review_decision");
        return new ServiceOrgFiling(id, row.getLong("organization_id"), status, status.label(),
                row.getString("filing_number"), round, checks(id, round), data, row.getString("submitted_by"),
                row.getObject("submitted_at", OffsetDateTime.class),
                decision == null ? null : ReviewDecision.valueOf(decision), row.getString("review_reason"),
                row.getString("reviewed_by"), row.getObject("filed_at", OffsetDateTime.class),
                row.getString("process_instance_id"));
    }

    private List<Engagement> engagements(long id) {
        return jdbc.sql("""
                SELECT client, client_type, start_date, end_date FROM service_org_filing_engagement
                WHERE filing_id = :id ORDER BY id
                """)
                .param("id", id)
                .query((row, n) -> new Engagement(row.getString("client"), ClientType.valueOf(row.getString("client_type")),
                        row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class)))
                .list();
    }

    private List<String> evidence(long id) {
        return jdbc.sql("SELECT sha256 FROM service_org_filing_evidence WHERE filing_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
    }

    private List<TeamMember> team(long id) {
        return jdbc.sql("SELECT name, team_role FROM service_org_filing_team WHERE filing_id = :id ORDER BY id")
                .param("id", id)
                .query((row, n) -> new TeamMember(row.getString("name"), TeamRole.valueOf(row.getString("team_role"))))
                .list();
    }

    private List<StaffMember> staff(long id) {
        record Row(long id, String name, String title, int years) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, name, title, safety_years FROM service_org_filing_staff WHERE filing_id = :id ORDER BY position
                """)
                .param("id", id)
                .query((row, n) -> new Row(row.getLong("id"), row.getString("name"), row.getString("title"),
                        row.getInt("safety_years")))
                .list();
        return rows.stream().map(person -> new StaffMember(person.name(), person.title(), person.years(),
                jdbc.sql("""
                        SELECT cert_type, cert_number, valid_until FROM service_org_filing_staff_cert
                        WHERE staff_id = :staffId ORDER BY id
                        """)
                        .param("staffId", person.id())
                        .query((row, n) -> new StaffCertificate(row.getString("cert_type"), row.getString("cert_number"),
                                row.getObject("valid_until", LocalDate.class)))
                        .list()))
                .toList();
    }
}
