package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EndorsementRepository {

    private final JdbcClient jdbc;

    EndorsementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The terms an endorsement brings the policy to, and its price. */
    record Terms(BigDecimal newContractAmount, LocalDate newPolicyStart, LocalDate newPolicyEnd,
            BigDecimal additionalPremium) {
    }

    long insert(Policy policy, Terms terms, List<Long> phaseProjectIds, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO policy_endorsement (policy_id, contract_id, status, old_contract_amount, new_contract_amount,
                                                old_policy_start, old_policy_end, new_policy_start, new_policy_end,
                                                premium_rate_permille, additional_premium, required_at)
                VALUES (:policyId, :contractId, 'PENDING', :oldAmount, :newAmount, :oldStart, :oldEnd, :newStart, :newEnd,
                        :rate, :additional, :at)
                """)
                .param("policyId", policy.id()).param("contractId", policy.contractId())
                .param("oldAmount", policy.contractAmount()).param("newAmount", terms.newContractAmount())
                .param("oldStart", policy.policyStart()).param("oldEnd", policy.policyEnd())
                .param("newStart", terms.newPolicyStart()).param("newEnd", terms.newPolicyEnd())
                .param("rate", policy.premiumRatePermille()).param("additional", terms.additionalPremium())
                .param("at", at)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (long projectId : phaseProjectIds) {
            jdbc.sql("INSERT INTO policy_endorsement_phase (endorsement_id, project_id) VALUES (:id, :projectId)")
                    .param("id", id).param("projectId", projectId).update();
        }
        return id;
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE policy_endorsement SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    Optional<Endorsement> find(long id) {
        return jdbc.sql("SELECT * FROM policy_endorsement WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the policy row: two phases joining at once must not both start an endorsement of it. */
    void lockPolicy(long policyId) {
        jdbc.sql("SELECT id FROM policy WHERE id = :policyId FOR UPDATE").param("policyId", policyId).query(Long.class)
                .single();
    }

    /** The policy's endorsement awaiting its premium: at most one. */
    Optional<Endorsement> pending(long policyId) {
        return jdbc.sql("SELECT * FROM policy_endorsement WHERE policy_id = :policyId AND status = 'PENDING'")
                .param("policyId", policyId).query(this::map).optional();
    }

    /** The pending endorsement that brings this project (phase) under its policy, if any. */
    Optional<Endorsement> pendingForProject(long projectId) {
        return jdbc.sql("""
                SELECT e.* FROM policy_endorsement e JOIN policy_endorsement_phase ph ON ph.endorsement_id = e.id
                WHERE ph.project_id = :projectId AND e.status = 'PENDING'
                """).param("projectId", projectId).query(this::map).optional();
    }

    void markSuperseded(long id) {
        jdbc.sql("UPDATE policy_endorsement SET status = 'SUPERSEDED' WHERE id = :id").param("id", id).update();
    }

    void recordPremium(long id, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE policy_endorsement SET premium_confirmed_by = :by, premium_received_at = :at WHERE id = :id")
                .param("by", by).param("at", at).param("id", id).update();
    }

    int countIssued(long policyId) {
        return jdbc.sql("SELECT COUNT(*) FROM policy_endorsement WHERE policy_id = :policyId AND status = 'ISSUED'")
                .param("policyId", policyId).query(Integer.class).single();
    }

    void markIssued(long id, String endorsementNumber, OffsetDateTime at) {
        jdbc.sql("UPDATE policy_endorsement SET status = 'ISSUED', endorsement_number = :number, issued_at = :at WHERE id = :id")
                .param("number", endorsementNumber).param("at", at).param("id", id).update();
    }

    /** The ledger row (N4.5) takes the endorsed contract amount, periods and the premium with the addition. */
    void endorsePolicy(Endorsement endorsement) {
        jdbc.sql("""
                UPDATE policy SET contract_amount = :amount, contract_start = :start, contract_end = :end,
                       policy_start = :start, policy_end = :end, premium = premium + :additional
                WHERE id = :policyId
                """)
                .param("amount", endorsement.newContractAmount()).param("start", endorsement.newPolicyStart())
                .param("end", endorsement.newPolicyEnd()).param("additional", endorsement.additionalPremium())
                .param("policyId", endorsement.policyId()).update();
    }

    private Endorsement map(ResultSet row, int n) throws SQLException {
        long id = row.getLong("id");
        List<Long> phases = jdbc.sql("SELECT project_id FROM policy_endorsement_phase WHERE endorsement_id = :id ORDER BY project_id")
                .param("id", id).query(Long.class).list();
        return new Endorsement(id, row.getString("endorsement_number"), row.getLong("policy_id"),
                row.getLong("contract_id"), EndorsementStatus.valueOf(row.getString("status")),
                row.getBigDecimal("old_contract_amount"), row.getBigDecimal("new_contract_amount"),
                row.getObject("old_policy_start", LocalDate.class), row.getObject("old_policy_end", LocalDate.class),
                row.getObject("new_policy_start", LocalDate.class), row.getObject("new_policy_end", LocalDate.class),
                row.getBigDecimal("premium_rate_permille"), row.getBigDecimal("additional_premium"), phases,
                row.getObject("required_at", OffsetDateTime.class),
                row.getObject("premium_received_at", OffsetDateTime.class),
                row.getObject("issued_at", OffsetDateTime.class));
    }
}
