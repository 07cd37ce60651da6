package org.anzexian.service.team;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.filing.serviceorg.TeamRole;
import org.anzexian.service.team.ServiceTeamRegistration.PreventionMember;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServiceTeamRegistrationRepository {

    private static final String SELECT = """
            SELECT id, policy_id, project_id, insurer_org_id, jurisdiction_code, status, late, policy_issued_at,
                   deadline_at, overdue_at, service_org_id, registered_by, registered_at, process_instance_id
            FROM service_team_registration
            """;

    private final JdbcClient jdbc;

    ServiceTeamRegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the open registration of a policy; a second start for the same policy keeps the first. */
    boolean insertIfAbsent(long policyId, long projectId, long insurerOrgId, String jurisdictionCode,
            OffsetDateTime issuedAt, OffsetDateTime deadlineAt, String processInstanceId) {
        if (findByPolicy(policyId).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO service_team_registration (policy_id, project_id, insurer_org_id, jurisdiction_code, status,
                    late, policy_issued_at, deadline_at, process_instance_id)
                VALUES (:policy, :project, :insurer, :area, 'OPEN', FALSE, :issued, :deadline, :instance)
                """)
                .param("policy", policyId).param("project", projectId).param("insurer", insurerOrgId)
                .param("area", jurisdictionCode).param("issued", issuedAt).param("deadline", deadlineAt)
                .param("instance", processInstanceId)
                .update();
        return true;
    }

    void markOverdue(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE service_team_registration SET status = 'OVERDUE', late = TRUE, overdue_at = :at "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("id", id).param("at", at).update();
    }

    void record(long id, long serviceOrgId, List<InsurerMember> insurerTeam, List<PreventionMember> preventionTeam,
            String registeredBy, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE service_team_registration SET status = 'REGISTERED', service_org_id = :org,
                    registered_by = :by, registered_at = :at WHERE id = :id
                """).param("id", id).param("org", serviceOrgId).param("by", registeredBy).param("at", at).update();
        for (int i = 0; i < insurerTeam.size(); i++) {
            InsurerMember member = insurerTeam.get(i);
            jdbc.sql("""
                    INSERT INTO service_team_insurer_member (registration_id, position, name, duty, phone, email)
                    VALUES (:id, :position, :name, :duty, :phone, :email)
                    """).param("id", id).param("position", i).param("name", member.name().strip())
                    .param("duty", member.duty().strip()).param("phone", member.phone().strip())
                    .param("email", member.email()).update();
        }
        for (int i = 0; i < preventionTeam.size(); i++) {
            PreventionMember member = preventionTeam.get(i);
            jdbc.sql("""
                    INSERT INTO service_team_prevention_member (registration_id, position, name, team_role)
                    VALUES (:id, :position, :name, :role)
                    """).param("id", id).param("position", i).param("name", member.name())
                    .param("role", member.role().name()).update();
        }
    }

    Optional<ServiceTeamRegistration> findByPolicy(long policyId) {
        return jdbc.sql(SELECT + " WHERE policy_id = :policy").param("policy", policyId)
                .query((row, n) -> row.getLong("id")).optional().flatMap(this::find);
    }

    Optional<ServiceTeamRegistration> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Row.class).optional().map(this::withTeams);
    }

    /**
     * The registrations visible to a scope: any of the insurers, the areas or the service
     * organizations; {@code null} scope = all.
     */
    List<ServiceTeamRegistration> find(Scope scope, RegistrationStatus status) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (scope != null) {
            sql.append(" AND (insurer_org_id IN (:insurers) OR jurisdiction_code IN (:areas) OR service_org_id IN (:orgs))");
            // an empty IN list is not valid SQL on every database: -1 / '' match nothing
            params.put("insurers", scope.insurers().isEmpty() ? List.of(-1L) : scope.insurers());
            params.put("areas", scope.areas().isEmpty() ? List.of("") : scope.areas());
            params.put("orgs", scope.serviceOrgs().isEmpty() ? List.of(-1L) : scope.serviceOrgs());
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        sql.append(" ORDER BY deadline_at, id");
        return jdbc.sql(sql.toString()).params(params).query(Row.class).list().stream().map(this::withTeams).toList();
    }

    record Scope(Collection<Long> insurers, Collection<String> areas, Collection<Long> serviceOrgs) {
    }

    private ServiceTeamRegistration withTeams(Row row) {
        List<InsurerMember> insurerTeam = jdbc.sql("""
                SELECT name, duty, phone, email FROM service_team_insurer_member WHERE registration_id = :id ORDER BY position
                """).param("id", row.id())
                .query((r, n) -> new InsurerMember(r.getString("name"), r.getString("duty"), r.getString("phone"),
                        r.getString("email"))).list();
        List<PreventionMember> preventionTeam = jdbc.sql("""
                SELECT name, team_role FROM service_team_prevention_member WHERE registration_id = :id ORDER BY position
                """).param("id", row.id())
                .query((r, n) -> {
                    TeamRole role = TeamRole.valueOf(r.getString("team_role"));
                    return new PreventionMember(r.getString("name"), role, role.label());
                }).list();
        RegistrationStatus status = RegistrationStatus.valueOf(row.status());
        return new ServiceTeamRegistration(row.id(), row.policyId(), row.projectId(), row.insurerOrgId(),
                row.jurisdictionCode(), status, status.label(), row.late(), row.policyIssuedAt(), row.deadlineAt(),
                row.overdueAt(), row.serviceOrgId(), row.registeredBy(), row.registeredAt(), row.processInstanceId(),
                insurerTeam, preventionTeam);
    }

    record Row(long id, long policyId, long projectId, long insurerOrgId, String jurisdictionCode, String status,
            boolean late, OffsetDateTime policyIssuedAt, OffsetDateTime deadlineAt, OffsetDateTime overdueAt,
            Long serviceOrgId, String registeredBy, OffsetDateTime registeredAt, String processInstanceId) {
    }
}
