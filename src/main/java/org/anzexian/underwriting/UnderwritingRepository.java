package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UnderwritingRepository {

    private static final String SELECT_QUOTATION = """
            SELECT q.*, r.buyer_org_id, r.conversion, r.requested_at
            FROM quotation q JOIN quotation_request r ON r.id = q.request_id
            """;
    private static final String SELECT_POLICY = """
            SELECT p.*, o.name AS insurer_name, pr.project_code
            FROM policy p JOIN organization o ON o.id = p.insurer_org_id JOIN project pr ON pr.id = p.project_id
            """;

    private final JdbcClient jdbc;

    UnderwritingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertRequest(long projectId, long contractId, long buyerOrgId, boolean conversion, String by, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO quotation_request (project_id, contract_id, buyer_org_id, conversion, requested_by, requested_at)
                VALUES (:projectId, :contractId, :buyer, :conversion, :by, :at)
                """)
                .param("projectId", projectId).param("contractId", contractId).param("buyer", buyerOrgId)
                .param("conversion", conversion).param("by", by).param("at", at)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    long insertQuotation(long requestId, long projectId, long contractId, long insurerOrgId, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO quotation (request_id, project_id, contract_id, insurer_org_id, status, updated_at)
                VALUES (:requestId, :projectId, :contractId, :insurer, 'REQUESTED', :at)
                """)
                .param("requestId", requestId).param("projectId", projectId).param("contractId", contractId)
                .param("insurer", insurerOrgId).param("at", at)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void setProcessInstance(long quotationId, String processInstanceId) {
        jdbc.sql("UPDATE quotation SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", quotationId).update();
    }

    Optional<Quotation> findQuotation(long id) {
        return jdbc.sql(SELECT_QUOTATION + "WHERE q.id = :id").param("id", id).query(UnderwritingRepository::mapQuotation)
                .optional();
    }

    /** Quotations of a project in the given states. */
    List<Quotation> quotationsOfProject(long projectId, Collection<QuotationStatus> statuses) {
        return jdbc.sql(SELECT_QUOTATION + "WHERE q.project_id = :projectId AND q.status IN (:statuses) ORDER BY q.id")
                .param("projectId", projectId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(UnderwritingRepository::mapQuotation).list();
    }

    /** Quotations of an insurer in the given states. */
    List<Quotation> quotationsOfInsurer(long insurerOrgId, Collection<QuotationStatus> statuses) {
        return jdbc.sql(SELECT_QUOTATION + "WHERE q.insurer_org_id = :insurer AND q.status IN (:statuses) ORDER BY q.id")
                .param("insurer", insurerOrgId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(UnderwritingRepository::mapQuotation).list();
    }

    void setStatus(long id, QuotationStatus status, OffsetDateTime at) {
        jdbc.sql("UPDATE quotation SET status = :status, updated_at = :at WHERE id = :id")
                .param("status", status.name()).param("at", at).param("id", id).update();
    }

    void recordLetter(long id, QuotationLetter letter, BigDecimal ratePermille, BigDecimal premium, String by,
            OffsetDateTime at) {
        jdbc.sql("""
                UPDATE quotation SET status = 'ISSUED', insurance_plan = :plan, premium_rate_permille = :rate,
                       premium = :premium, death_disability_limit = :perPerson, total_limit = :total,
                       prevention_plan = :prevention, prevention_fee_percent = :fee, issued_by = :by, issued_at = :at,
                       updated_at = :at
                WHERE id = :id
                """)
                .param("plan", letter.insurancePlan().strip()).param("rate", ratePermille).param("premium", premium)
                .param("perPerson", letter.deathDisabilityLimit()).param("total", letter.totalLimit())
                .param("prevention", letter.preventionPlan().strip()).param("fee", letter.preventionFeePercent())
                .param("by", by).param("at", at).param("id", id).update();
    }

    void recordDecline(long id, QuotationStatus status, String reason, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE quotation SET status = :status, decline_reason = :reason, reviewed_by = :by, reviewed_at = :at,
                       updated_at = :at
                WHERE id = :id
                """)
                .param("status", status.name()).param("reason", reason).param("by", by).param("at", at)
                .param("id", id).update();
    }

    void recordApplication(long id, Application application, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE quotation SET status = 'APPLIED', contract_hash = :contract, bid_award_hash = :bid,
                       application_form_hash = :form, enterprise_hashes = :enterprise, applied_by = :by,
                       applied_at = :at, updated_at = :at
                WHERE id = :id
                """)
                .param("contract", application.contractHash()).param("bid", application.bidAwardHash())
                .param("form", application.applicationFormHash())
                .param("enterprise", String.join(",", application.enterpriseHashes()))
                .param("by", by).param("at", at).param("id", id).update();
    }

    void recordReview(long id, QuotationStatus status, String reason, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE quotation SET status = :status, review_reason = :reason, reviewed_by = :by, reviewed_at = :at,
                       updated_at = :at
                WHERE id = :id
                """)
                .param("status", status.name()).param("reason", reason).param("by", by).param("at", at)
                .param("id", id).update();
    }

    void recordPremium(long id, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE quotation SET premium_confirmed_by = :by, premium_received_at = :at, updated_at = :at WHERE id = :id")
                .param("by", by).param("at", at).param("id", id).update();
    }

    boolean policyExistsForContract(long contractId) {
        return jdbc.sql("SELECT COUNT(*) FROM policy WHERE contract_id = :contractId AND status = 'ISSUED'")
                .param("contractId", contractId).query(Long.class).single() > 0;
    }

    Optional<Long> policyIdOfQuotation(long quotationId) {
        return jdbc.sql("SELECT id FROM policy WHERE quotation_id = :id").param("id", quotationId).query(Long.class)
                .optional();
    }

    /** Inserts the policy as the quotation stands, numbered {@code prefix-year-sequence}. */
    long insertPolicy(Quotation quotation, PolicyTerms terms, String premiumConfirmedBy, String numberPrefix,
            OffsetDateTime issuedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO policy (quotation_id, project_id, contract_id, insurer_org_id, buyer_org_id, jurisdiction_code,
                                    project_name, site_address, contract_amount, contract_start, contract_end,
                                    policy_start, policy_end, premium_rate_permille, premium, death_disability_limit,
                                    total_limit, insurance_plan, prevention_plan, prevention_fee_percent, conversion,
                                    status, premium_confirmed_by, premium_received_at, issued_at)
                VALUES (:quotationId, :projectId, :contractId, :insurer, :buyer, :jurisdiction, :projectName, :siteAddress,
                        :amount, :start, :end, :start, :end, :rate, :premium, :perPerson, :total, :plan, :prevention,
                        :fee, :conversion, 'ISSUED', :confirmedBy, :receivedAt, :issuedAt)
                """)
                .param("quotationId", quotation.id()).param("projectId", quotation.projectId())
                .param("contractId", quotation.contractId()).param("insurer", quotation.insurerOrgId())
                .param("buyer", quotation.buyerOrgId()).param("jurisdiction", terms.jurisdictionCode())
                .param("projectName", terms.projectName()).param("siteAddress", terms.siteAddress())
                .param("amount", terms.contractAmount()).param("start", terms.contractStart())
                .param("end", terms.contractEnd()).param("rate", quotation.premiumRatePermille())
                .param("premium", quotation.premium()).param("perPerson", quotation.deathDisabilityLimit())
                .param("total", quotation.totalLimit()).param("plan", quotation.insurancePlan())
                .param("prevention", quotation.preventionPlan()).param("fee", quotation.preventionFeePercent())
                .param("conversion", quotation.conversion()).param("confirmedBy", premiumConfirmedBy)
                .param("receivedAt", quotation.premiumReceivedAt()).param("issuedAt", issuedAt)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        jdbc.sql("UPDATE policy SET policy_number = :number WHERE id = :id")
                .param("number", "%s-%d-%06d".formatted(numberPrefix, issuedAt.getYear(), id)).param("id", id).update();
        return id;
    }

    String premiumConfirmedBy(long quotationId) {
        return jdbc.sql("SELECT premium_confirmed_by FROM quotation WHERE id = :id").param("id", quotationId)
                .query(String.class).single();
    }

    Optional<Policy> findPolicy(long id) {
        return jdbc.sql(SELECT_POLICY + "WHERE p.id = :id").param("id", id).query(UnderwritingRepository::mapPolicy)
                .optional();
    }

    Optional<Policy> findPolicyByNumber(String policyNumber) {
        return jdbc.sql(SELECT_POLICY + "WHERE p.policy_number = :number").param("number", policyNumber)
                .query(UnderwritingRepository::mapPolicy).optional();
    }

    List<Policy> policiesOfContract(long contractId) {
        return jdbc.sql(SELECT_POLICY + "WHERE p.contract_id = :contractId ORDER BY p.id")
                .param("contractId", contractId).query(UnderwritingRepository::mapPolicy).list();
    }

    /** The issued policies of these insurers or buyers that end on {@code endingFrom} or later, newest first. */
    List<Policy> issuedPolicies(Collection<Long> insurers, Collection<Long> buyers, LocalDate endingFrom) {
        if (insurers.isEmpty() && buyers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_POLICY + """
                WHERE p.status = 'ISSUED' AND p.policy_end >= :endingFrom
                    AND (p.insurer_org_id IN (:insurers) OR p.buyer_org_id IN (:buyers)) ORDER BY p.id DESC
                """).param("endingFrom", endingFrom)
                .param("insurers", insurers.isEmpty() ? List.of(-1L) : insurers)
                .param("buyers", buyers.isEmpty() ? List.of(-1L) : buyers).query(UnderwritingRepository::mapPolicy).list();
    }

    void markReported(long policyId, OffsetDateTime at) {
        jdbc.sql("UPDATE policy SET reported_to_county_at = :at WHERE id = :id AND reported_to_county_at IS NULL")
                .param("at", at).param("id", policyId).update();
    }

    /** What the ledger may be sorted by (field → column). */
    static final SortFields LEDGER_SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "p.id",
            "issuedAt", "p.issued_at", "policyNumber", "p.policy_number", "policyStart", "p.policy_start",
            "premium", "p.premium", "county", "p.jurisdiction_code", "insurerId", "p.insurer_org_id",
            "status", "p.status")), "p.id", "issuedAt", "desc");

    /** One page of the underwriting ledger in the asked order (default newest first). */
    List<LedgerRow> ledger(LedgerQuery query, SortQuery sort, long offset, int limit) {
        String sql = """
                SELECT p.*, o.name AS insurer_name, pr.project_code, b.name AS buyer_name, j.name AS jurisdiction_name
                FROM policy p JOIN organization o ON o.id = p.insurer_org_id JOIN project pr ON pr.id = p.project_id
                     JOIN organization b ON b.id = p.buyer_org_id JOIN jurisdiction j ON j.code = p.jurisdiction_code
                """ + where(query) + LEDGER_SORT.orderBy(sort) + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
        return bind(jdbc.sql(sql), query).param("offset", offset).param("limit", limit)
                .query((row, n) -> new LedgerRow(mapPolicy(row, n), row.getString("buyer_name"),
                        row.getString("jurisdiction_name")))
                .list();
    }

    long countLedger(LedgerQuery query) {
        return bind(jdbc.sql("SELECT COUNT(*) FROM policy p" + where(query)), query).query(Long.class).single();
    }

    /** The filters and the actor's scope of a ledger search; a null scope set means no restriction. */
    record LedgerQuery(Long insurerOrgId, String jurisdictionCode, OffsetDateTime issuedFrom, OffsetDateTime issuedBefore,
            PolicyStatus status, String project, Collection<String> scopeCounties, Collection<Long> scopeInsurers,
            Collection<Long> scopeBuyers) {

        boolean scoped() {
            return scopeCounties != null;
        }
    }

    private static String where(LedgerQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.insurerOrgId() != null) {
            conditions.add("p.insurer_org_id = :insurer");
        }
        if (query.jurisdictionCode() != null) {
            conditions.add("p.jurisdiction_code = :jurisdiction");
        }
        if (query.issuedFrom() != null) {
            conditions.add("p.issued_at >= :issuedFrom");
        }
        if (query.issuedBefore() != null) {
            conditions.add("p.issued_at < :issuedBefore");
        }
        if (query.status() != null) {
            conditions.add("p.status = :status");
        }
        if (query.project() != null) {
            conditions.add("(LOWER(p.project_name) LIKE :projectName ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM project pc WHERE pc.id = p.project_id AND pc.project_code = :projectCode))");
        }
        if (query.scoped()) {
            // IN () is invalid SQL, so an empty part of the scope becomes a condition that never holds
            conditions.add("(" + String.join(" OR ",
                    query.scopeCounties().isEmpty() ? "1 = 0" : "p.jurisdiction_code IN (:scopeCounties)",
                    query.scopeInsurers().isEmpty() ? "1 = 0" : "p.insurer_org_id IN (:scopeInsurers)",
                    query.scopeBuyers().isEmpty() ? "1 = 0" : "p.buyer_org_id IN (:scopeBuyers)") + ")");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, LedgerQuery query) {
        if (query.insurerOrgId() != null) {
            statement = statement.param("insurer", query.insurerOrgId());
        }
        if (query.jurisdictionCode() != null) {
            statement = statement.param("jurisdiction", query.jurisdictionCode());
        }
        if (query.issuedFrom() != null) {
            statement = statement.param("issuedFrom", query.issuedFrom());
        }
        if (query.issuedBefore() != null) {
            statement = statement.param("issuedBefore", query.issuedBefore());
        }
        if (query.status() != null) {
            statement = statement.param("status", query.status().name());
        }
        if (query.project() != null) {
            statement = statement.param("projectName", "%" + query.project().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .param("projectCode", query.project());
        }
        if (query.scoped()) {
            if (!query.scopeCounties().isEmpty()) {
                statement = statement.param("scopeCounties", List.copyOf(query.scopeCounties()));
            }
            if (!query.scopeInsurers().isEmpty()) {
                statement = statement.param("scopeInsurers", List.copyOf(query.scopeInsurers()));
            }
            if (!query.scopeBuyers().isEmpty()) {
                statement = statement.param("scopeBuyers", List.copyOf(query.scopeBuyers()));
            }
        }
        return statement;
    }

    /** What the policy copies from the project and its construction contract (N4.5). */
    record PolicyTerms(String jurisdictionCode, String projectName, String siteAddress, BigDecimal contractAmount,
            LocalDate contractStart, LocalDate contractEnd) {
    }

    private static Quotation mapQuotation(ResultSet row, int n) throws SQLException {
        String enterprise = row.getString("enterprise_hashes");
        return new Quotation(
                row.getLong("id"), row.getLong("request_id"), row.getLong("project_id"), row.getLong("contract_id"),
                row.getLong("insurer_org_id"), row.getLong("buyer_org_id"), row.getBoolean("conversion"),
                QuotationStatus.valueOf(row.getString("status")), row.getString("insurance_plan"),
                row.getBigDecimal("premium_rate_permille"), row.getBigDecimal("premium"),
                row.getBigDecimal("death_disability_limit"), row.getBigDecimal("total_limit"),
                row.getString("prevention_plan"), row.getBigDecimal("prevention_fee_percent"),
                row.getString("decline_reason"), row.getObject("issued_at", OffsetDateTime.class),
                row.getString("contract_hash"), row.getString("bid_award_hash"), row.getString("application_form_hash"),
                enterprise == null || enterprise.isEmpty() ? List.of() : Arrays.asList(enterprise.split(",")),
                row.getObject("applied_at", OffsetDateTime.class), row.getString("review_reason"),
                row.getObject("premium_received_at", OffsetDateTime.class),
                row.getObject("requested_at", OffsetDateTime.class));
    }

    private static Policy mapPolicy(ResultSet row, int n) throws SQLException {
        return new Policy(
                row.getLong("id"), row.getString("policy_number"), row.getLong("quotation_id"), row.getLong("project_id"),
                row.getString("project_code"), row.getLong("contract_id"), row.getLong("insurer_org_id"),
                row.getString("insurer_name"), row.getLong("buyer_org_id"), row.getString("jurisdiction_code"),
                row.getString("project_name"), row.getString("site_address"), row.getBigDecimal("contract_amount"),
                row.getObject("contract_start", LocalDate.class), row.getObject("contract_end", LocalDate.class),
                row.getObject("policy_start", LocalDate.class), row.getObject("policy_end", LocalDate.class),
                row.getBigDecimal("premium_rate_permille"), row.getBigDecimal("premium"),
                row.getBigDecimal("death_disability_limit"), row.getBigDecimal("total_limit"),
                row.getString("insurance_plan"), row.getString("prevention_plan"),
                row.getBigDecimal("prevention_fee_percent"), row.getBoolean("conversion"),
                PolicyStatus.valueOf(row.getString("status")), row.getObject("issued_at", OffsetDateTime.class),
                row.getObject("reported_to_county_at", OffsetDateTime.class));
    }
}
