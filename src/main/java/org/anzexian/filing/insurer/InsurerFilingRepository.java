package org.anzexian.filing.insurer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.ClaimsService;
import org.anzexian.filing.insurer.InsurerFilingData.Document;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.PreventionPlan;
import org.anzexian.filing.insurer.InsurerFilingData.Principal;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.ProofType;
import org.anzexian.filing.insurer.InsurerFilingData.RelatedOrganization;
import org.anzexian.filing.insurer.InsurerFilingData.Relation;
import org.anzexian.filing.insurer.InsurerFilingData.TeamMember;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class InsurerFilingRepository {

    private static final String SELECT = "SELECT * FROM insurer_filing ";
    private static final String MANAGEMENT = "MANAGEMENT";
    private static final String CLAIMS = "CLAIMS";

    private final JdbcClient jdbc;

    InsurerFilingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InsurerFilingData data, String branchName, String branchCreditCode, String submittedBy,
            OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO insurer_filing (insurer_org_id, status, branch_name, branch_credit_code, parent_name,
                    parent_credit_code, parent_authorization_hash, business_license_number, business_license_valid_until,
                    business_license_hash, insurance_license_number, insurance_license_valid_until, insurance_license_hash,
                    principal_name, principal_phone, audit_year, auditor, comprehensive_solvency_ratio, core_solvency_ratio,
                    solvency_statement, audit_report_hash, insurance_plan_text, insurance_plan_hash, policy_terms_text,
                    policy_terms_hash, claims_service_plan_text, claims_service_plan_hash, claims_line_phone,
                    prevention_plan_text, prevention_plan_hash, service_org_assessment, policies_underwritten,
                    claims_handled, prevention_services_delivered, check_round, submitted_by, submitted_at, updated_at)
                VALUES (:insurerOrgId, 'SUBMITTED', :branchName, :branchCreditCode, :parentName,
                    :parentCreditCode, :parentAuthorizationHash, :businessLicenseNumber, :businessLicenseValidUntil,
                    :businessLicenseHash, :insuranceLicenseNumber, :insuranceLicenseValidUntil, :insuranceLicenseHash,
                    :principalName, :principalPhone, :auditYear, :auditor, :comprehensiveSolvencyRatio, :coreSolvencyRatio,
                    :solvencyStatement, :auditReportHash, :insurancePlanText, :insurancePlanHash, :policyTermsText,
                    :policyTermsHash, :claimsServicePlanText, :claimsServicePlanHash, :claimsLinePhone,
                    :preventionPlanText, :preventionPlanHash, :serviceOrgAssessment, :policiesUnderwritten,
                    :claimsHandled, :preventionServicesDelivered, 0, :submittedBy, :now, :now)
                """)
                .params(columns(data))
                .param("insurerOrgId", data.insurerOrgId())
                .param("branchName", branchName)
                .param("branchCreditCode", branchCreditCode)
                .param("submittedBy", submittedBy)
                .param("now", now)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        insertChildren(id, data);
        return id;
    }

    /** Replaces the filed data by a correction; status, number and history stay. */
    void replaceData(long id, InsurerFilingData data, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE insurer_filing SET parent_name = :parentName, parent_credit_code = :parentCreditCode,
                    parent_authorization_hash = :parentAuthorizationHash, business_license_number = :businessLicenseNumber,
                    business_license_valid_until = :businessLicenseValidUntil, business_license_hash = :businessLicenseHash,
                    insurance_license_number = :insuranceLicenseNumber,
                    insurance_license_valid_until = :insuranceLicenseValidUntil,
                    insurance_license_hash = :insuranceLicenseHash, principal_name = :principalName,
                    principal_phone = :principalPhone, audit_year = :auditYear, auditor = :auditor,
                    comprehensive_solvency_ratio = :comprehensiveSolvencyRatio, core_solvency_ratio = :coreSolvencyRatio,
                    solvency_statement = :solvencyStatement, audit_report_hash = :auditReportHash,
                    insurance_plan_text = :insurancePlanText, insurance_plan_hash = :insurancePlanHash,
                    policy_terms_text = :policyTermsText, policy_terms_hash = :policyTermsHash,
                    claims_service_plan_text = :claimsServicePlanText, claims_service_plan_hash = :claimsServicePlanHash,
                    claims_line_phone = :claimsLinePhone, prevention_plan_text = :preventionPlanText,
                    prevention_plan_hash = :preventionPlanHash, service_org_assessment = :serviceOrgAssessment,
                    policies_underwritten = :policiesUnderwritten, claims_handled = :claimsHandled,
                    prevention_services_delivered = :preventionServicesDelivered, updated_at = :now
                WHERE id = :id
                """)
                .params(columns(data)).param("now", now).param("id", id).update();
        for (String table : List.of("insurer_filing_related_org", "insurer_filing_project_lead", "insurer_filing_member")) {
            jdbc.sql("DELETE FROM " + table + " WHERE filing_id = :id").param("id", id).update();
        }
        insertChildren(id, data);
    }

    void updateLicenses(long id, License businessLicense, License insuranceLicense, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE insurer_filing SET business_license_number = :bn, business_license_valid_until = :bv,
                    business_license_hash = :bh, insurance_license_number = :in, insurance_license_valid_until = :iv,
                    insurance_license_hash = :ih, updated_at = :now
                WHERE id = :id
                """)
                .param("bn", businessLicense.number()).param("bv", businessLicense.validUntil())
                .param("bh", businessLicense.scanHash()).param("in", insuranceLicense.number())
                .param("iv", insuranceLicense.validUntil()).param("ih", insuranceLicense.scanHash())
                .param("now", now).param("id", id).update();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE insurer_filing SET process_instance_id = :pid WHERE id = :id")
                .param("pid", processInstanceId).param("id", id).update();
    }

    void setStatus(long id, FilingStatus status, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE insurer_filing SET status = :status, updated_at = :now,
                    closed_at = CASE WHEN :closing THEN :now ELSE closed_at END
                WHERE id = :id
                """)
                .param("status", status.name()).param("now", now)
                .param("closing", Set.of(FilingStatus.REJECTED, FilingStatus.WITHDRAWN, FilingStatus.LAPSED).contains(status))
                .param("id", id).update();
    }

    void markFiled(long id, String filingNumber, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE insurer_filing SET status = 'FILED', filing_number = :number, filed_at = :now, updated_at = :now
                WHERE id = :id
                """)
                .param("number", filingNumber).param("now", now).param("id", id).update();
    }

    void markSuspended(long id, String reason, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE insurer_filing SET status = 'SUSPENDED', suspension_reason = :reason, suspended_at = :now,
                    updated_at = :now
                WHERE id = :id
                """)
                .param("reason", reason).param("now", now).param("id", id).update();
    }

    void markReinstated(long id, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE insurer_filing SET status = 'FILED', suspension_reason = NULL, suspended_at = NULL, updated_at = :now
                WHERE id = :id
                """)
                .param("now", now).param("id", id).update();
    }

    int nextRound(long id) {
        jdbc.sql("UPDATE insurer_filing SET check_round = check_round + 1 WHERE id = :id").param("id", id).update();
        return jdbc.sql("SELECT check_round FROM insurer_filing WHERE id = :id").param("id", id)
                .query(Integer.class).single();
    }

    void insertCheck(long filingId, int round, CheckResult result, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO insurer_filing_check (filing_id, check_round, check_id, passed, reason, checked_at)
                VALUES (:filingId, :round, :checkId, :passed, :reason, :now)
                """)
                .param("filingId", filingId).param("round", round).param("checkId", result.check().name())
                .param("passed", result.passed()).param("reason", result.reason()).param("now", now).update();
    }

    void insertDecision(long filingId, String decidedBy, FilingDecision.Decision decision, String reason,
            OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO insurer_filing_decision (filing_id, decided_by, decided_at, decision, reason)
                VALUES (:filingId, :by, :now, :decision, :reason)
                """)
                .param("filingId", filingId).param("by", decidedBy).param("now", now)
                .param("decision", decision.name()).param("reason", reason).update();
    }

    /** Locks the filing's row, so that two steps on one filing (a job retry, a reviewer) serialize. */
    Optional<InsurerFiling> findForUpdate(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional()
                .map(this::complete);
    }

    Optional<InsurerFiling> findById(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(this::map).optional().map(this::complete);
    }

    /** What the filing list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "id", "status", "status",
            "filingNumber", "filing_number", "branchName", "branch_name", "insurerId", "insurer_org_id")),
            "id", "id", "desc");

    List<InsurerFiling> findByOrganizations(Set<Long> orgIds, SortQuery sort, long offset, int limit) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE insurer_org_id IN (:orgIds)" + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .param("orgIds", orgIds).param("limit", limit).param("offset", offset)
                .query(this::map).list().stream().map(this::complete).toList();
    }

    long countByOrganizations(Set<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM insurer_filing WHERE insurer_org_id IN (:orgIds)")
                .param("orgIds", orgIds).query(Long.class).single();
    }

    List<InsurerFiling> findAll(SortQuery sort, long offset, int limit) {
        return jdbc.sql(SELECT + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset)
                .query(this::map).list().stream().map(this::complete).toList();
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM insurer_filing").query(Long.class).single();
    }

    List<InsurerFiling> findByStatus(Set<FilingStatus> statuses) {
        return jdbc.sql(SELECT + "WHERE status IN (:statuses) ORDER BY id")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(this::map).list().stream().map(this::complete).toList();
    }

    /** One page of the filings in these states, the latest changed first. */
    List<InsurerFiling> findByStatus(Set<FilingStatus> statuses, long offset, int limit) {
        return jdbc.sql(SELECT + "WHERE status IN (:statuses) ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit).param("offset", offset)
                .query(this::map).list().stream().map(this::complete).toList();
    }

    long countByStatus(Set<FilingStatus> statuses) {
        return jdbc.sql("SELECT COUNT(*) FROM insurer_filing WHERE status IN (:statuses)")
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(Long.class).single();
    }

    boolean existsForOrganization(long orgId, Set<FilingStatus> statuses) {
        return jdbc.sql("SELECT COUNT(*) FROM insurer_filing WHERE insurer_org_id = :orgId AND status IN (:statuses)")
                .param("orgId", orgId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Long.class).single() > 0;
    }

    /** Filings of other insurer organizations belonging to the same company (N4.1), in the given states. */
    List<String> otherBranchesOfCompany(String companyCreditCode, long exceptOrgId, Set<FilingStatus> statuses) {
        return jdbc.sql("""
                SELECT branch_name FROM insurer_filing
                WHERE insurer_org_id <> :orgId AND status IN (:statuses)
                  AND (parent_credit_code = :company OR (parent_credit_code IS NULL AND branch_credit_code = :company))
                ORDER BY id
                """)
                .param("orgId", exceptOrgId).param("company", companyCreditCode)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(String.class).list();
    }

    /** The filing that makes (or made) an organization a filed insurer: its latest FILED or SUSPENDED one. */
    Optional<InsurerFiling> findCurrentFiling(long orgId) {
        return jdbc.sql(SELECT + """
                WHERE insurer_org_id = :orgId AND status IN ('FILED', 'SUSPENDED') ORDER BY id DESC LIMIT 1
                """)
                .param("orgId", orgId).query(this::map).optional().map(this::complete);
    }

    int countFilingNumbers(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM insurer_filing WHERE filing_number LIKE :prefix")
                .param("prefix", prefix + "%").query(Integer.class).single();
    }

    List<CheckResult> checksOfRound(long filingId, int round) {
        return jdbc.sql("""
                SELECT check_id, passed, reason, check_round, checked_at FROM insurer_filing_check
                WHERE filing_id = :id AND check_round = :round ORDER BY id
                """)
                .param("id", filingId).param("round", round)
                .query((row, n) -> {
                    FilingCheck check = FilingCheck.valueOf(row.getString("check_id"));
                    return new CheckResult(check, check.label(), row.getBoolean("passed"), row.getString("reason"),
                            row.getInt("check_round"), row.getObject("checked_at", OffsetDateTime.class));
                }).list();
    }

    private List<FilingDecision> decisions(long filingId) {
        return jdbc.sql("""
                SELECT decided_by, decided_at, decision, reason FROM insurer_filing_decision
                WHERE filing_id = :id ORDER BY id
                """)
                .param("id", filingId)
                .query((row, n) -> new FilingDecision(row.getString("decided_by"),
                        row.getObject("decided_at", OffsetDateTime.class),
                        FilingDecision.Decision.valueOf(row.getString("decision")), row.getString("reason")))
                .list();
    }

    private void insertChildren(long id, InsurerFilingData data) {
        for (RelatedOrganization related : data.relatedOrganizations()) {
            jdbc.sql("""
                    INSERT INTO insurer_filing_related_org (filing_id, relation, name, credit_code)
                    VALUES (:id, :relation, :name, :code)
                    """)
                    .param("id", id).param("relation", related.relation().name())
                    .param("name", related.name().strip()).param("code", related.creditCode()).update();
        }
        for (ProjectLead lead : data.projectLeads()) {
            jdbc.sql("""
                    INSERT INTO insurer_filing_project_lead (filing_id, name, years_of_work, proof_type, proof_hash)
                    VALUES (:id, :name, :years, :proofType, :proofHash)
                    """)
                    .param("id", id).param("name", lead.name().strip()).param("years", lead.yearsOfWork())
                    .param("proofType", lead.proofType().name()).param("proofHash", lead.proofHash()).update();
        }
        insertMembers(id, MANAGEMENT, data.managementTeam());
        insertMembers(id, CLAIMS, data.claimsService().claimsTeam());
    }

    private void insertMembers(long id, String team, List<TeamMember> members) {
        for (TeamMember member : members) {
            jdbc.sql("""
                    INSERT INTO insurer_filing_member (filing_id, team, name, position, phone)
                    VALUES (:id, :team, :name, :position, :phone)
                    """)
                    .param("id", id).param("team", team).param("name", member.name().strip())
                    .param("position", member.position().strip()).param("phone", member.phone()).update();
        }
    }

    private static Map<String, Object> columns(InsurerFilingData data) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("parentName", data.parentName());
        columns.put("parentCreditCode", data.parentCreditCode());
        columns.put("parentAuthorizationHash", data.parentAuthorizationHash());
        columns.put("businessLicenseNumber", data.businessLicense().number());
        columns.put("businessLicenseValidUntil", data.businessLicense().validUntil());
        columns.put("businessLicenseHash", data.businessLicense().scanHash());
        columns.put("insuranceLicenseNumber", data.insuranceLicense().number());
        columns.put("insuranceLicenseValidUntil", data.insuranceLicense().validUntil());
        columns.put("insuranceLicenseHash", data.insuranceLicense().scanHash());
        columns.put("principalName", data.principal().name().strip());
        columns.put("principalPhone", data.principal().phone());
        columns.put("auditYear", data.auditReport().year());
        columns.put("auditor", data.auditReport().auditor().strip());
        columns.put("comprehensiveSolvencyRatio", data.auditReport().comprehensiveSolvencyRatio());
        columns.put("coreSolvencyRatio", data.auditReport().coreSolvencyRatio());
        columns.put("solvencyStatement", data.auditReport().solvencyStatement());
        columns.put("auditReportHash", data.auditReport().fileHash());
        columns.put("insurancePlanText", data.insurancePlan().text());
        columns.put("insurancePlanHash", data.insurancePlan().fileHash());
        columns.put("policyTermsText", data.policyTerms().text());
        columns.put("policyTermsHash", data.policyTerms().fileHash());
        columns.put("claimsServicePlanText", data.claimsService().plan().text());
        columns.put("claimsServicePlanHash", data.claimsService().plan().fileHash());
        columns.put("claimsLinePhone", data.claimsService().claimsLinePhone().strip());
        columns.put("preventionPlanText", data.preventionPlan().plan().text());
        columns.put("preventionPlanHash", data.preventionPlan().plan().fileHash());
        columns.put("serviceOrgAssessment", data.preventionPlan().serviceOrgAssessment());
        columns.put("policiesUnderwritten", data.experience().policiesUnderwritten());
        columns.put("claimsHandled", data.experience().claimsHandled());
        columns.put("preventionServicesDelivered", data.experience().preventionServicesDelivered());
        return columns;
    }

    /** The filing row without its child rows; {@link #complete} adds them. */
    private InsurerFiling map(ResultSet row, int rowNumber) throws SQLException {
        InsurerFilingData data = new InsurerFilingData(
                row.getLong("insurer_org_id"),
                row.getString("parent_name"),
                row.getString("parent_credit_code"),
                row.getString("parent_authorization_hash"),
                new License(row.getString("business_license_number"),
                        row.getObject("business_license_valid_until", LocalDate.class),
                        row.getString("business_license_hash")),
                new License(row.getString("insurance_license_number"),
                        row.getObject("insurance_license_valid_until", LocalDate.class),
                        row.getString("insurance_license_hash")),
                new Principal(row.getString("principal_name"), row.getString("principal_phone")),
                List.of(),
                new AuditReport(row.getInt("audit_year"), row.getString("auditor"),
                        row.getObject("comprehensive_solvency_ratio", BigDecimal.class),
                        row.getObject("core_solvency_ratio", BigDecimal.class),
                        row.getBoolean("solvency_statement"), row.getString("audit_report_hash")),
                List.of(),
                List.of(),
                new Document(row.getString("insurance_plan_text"), row.getString("insurance_plan_hash")),
                new Document(row.getString("policy_terms_text"), row.getString("policy_terms_hash")),
                new ClaimsService(new Document(row.getString("claims_service_plan_text"),
                        row.getString("claims_service_plan_hash")), row.getString("claims_line_phone"), List.of()),
                new PreventionPlan(new Document(row.getString("prevention_plan_text"),
                        row.getString("prevention_plan_hash")), row.getString("service_org_assessment")),
                new Experience(row.getInt("policies_underwritten"), row.getInt("claims_handled"),
                        row.getInt("prevention_services_delivered")));
        return new InsurerFiling(
                row.getLong("id"),
                row.getLong("insurer_org_id"),
                FilingStatus.valueOf(row.getString("status")),
                row.getString("filing_number"),
                row.getString("branch_name"),
                row.getString("branch_credit_code"),
                data,
                row.getInt("check_round"),
                row.getString("submitted_by"),
                row.getObject("submitted_at", OffsetDateTime.class),
                row.getObject("updated_at", OffsetDateTime.class),
                row.getObject("filed_at", OffsetDateTime.class),
                row.getObject("suspended_at", OffsetDateTime.class),
                row.getString("suspension_reason"),
                row.getString("process_instance_id"),
                List.of(),
                List.of());
    }

    private InsurerFiling complete(InsurerFiling filing) {
        long id = filing.id();
        InsurerFilingData d = filing.data();
        List<RelatedOrganization> related = jdbc.sql(
                "SELECT relation, name, credit_code FROM insurer_filing_related_org WHERE filing_id = :id ORDER BY id")
                .param("id", id)
                .query((row, n) -> new RelatedOrganization(Relation.valueOf(row.getString("relation")),
                        row.getString("name"), row.getString("credit_code"))).list();
        List<ProjectLead> leads = jdbc.sql("""
                SELECT name, years_of_work, proof_type, proof_hash FROM insurer_filing_project_lead
                WHERE filing_id = :id ORDER BY id
                """)
                .param("id", id)
                .query((row, n) -> new ProjectLead(row.getString("name"), row.getInt("years_of_work"),
                        ProofType.valueOf(row.getString("proof_type")), row.getString("proof_hash"))).list();
        List<TeamMember> management = members(id, MANAGEMENT);
        List<TeamMember> claims = members(id, CLAIMS);
        InsurerFilingData data = new InsurerFilingData(d.insurerOrgId(), d.parentName(), d.parentCreditCode(),
                d.parentAuthorizationHash(), d.businessLicense(), d.insuranceLicense(), d.principal(), related,
                d.auditReport(), leads, management, d.insurancePlan(), d.policyTerms(),
                new ClaimsService(d.claimsService().plan(), d.claimsService().claimsLinePhone(), claims),
                d.preventionPlan(), d.experience());
        InsurerFiling withData = new InsurerFiling(filing.id(), filing.insurerOrgId(), filing.status(),
                filing.filingNumber(), filing.branchName(), filing.branchCreditCode(), data, filing.round(),
                filing.submittedBy(), filing.submittedAt(), filing.updatedAt(), filing.filedAt(), filing.suspendedAt(),
                filing.suspensionReason(), filing.processInstanceId(), List.of(), List.of());
        return withData.withChecksAndDecisions(checksOfRound(id, filing.round()), decisions(id));
    }

    private List<TeamMember> members(long id, String team) {
        return jdbc.sql("SELECT name, position, phone FROM insurer_filing_member WHERE filing_id = :id AND team = :team ORDER BY id")
                .param("id", id).param("team", team)
                .query((row, n) -> new TeamMember(row.getString("name"), row.getString("position"), row.getString("phone")))
                .list();
    }
}
