package org.anzexian.registry.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    private static final String SELECT = """
            SELECT p.id, p.project_code, p.name, p.site_address, p.jurisdiction_code, p.category, p.subtype,
                   p.contract_amount, p.contract_start, p.contract_end, p.permit_status, p.construction_unit_id,
                   c.id AS c_id, c.contract_number, c.general_contractor_id, c.amount AS c_amount,
                   c.start_date AS c_start, c.end_date AS c_end
            FROM project p JOIN construction_contract c ON c.id = p.contract_id
            """;
    private static final String SELECT_CONTRACT = """
            SELECT id AS c_id, contract_number, general_contractor_id, amount AS c_amount,
                   start_date AS c_start, end_date AS c_end
            FROM construction_contract
            """;

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which projects a reader may see: those in its counties or built by its organizations. */
    record Scope(Set<String> countyCodes, Set<Long> builderIds) {
        boolean isEmpty() {
            return countyCodes.isEmpty() && builderIds.isEmpty();
        }
    }

    Optional<ConstructionContract> findContractByNumber(String number) {
        return jdbc.sql(SELECT_CONTRACT + "WHERE contract_number = :number").param("number", number)
                .query(ProjectRepository::mapContract).optional();
    }

    long insertContract(String number, long generalContractorId, BigDecimal amount, LocalDate start, LocalDate end) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO construction_contract (contract_number, general_contractor_id, amount, start_date, end_date)
                VALUES (:number, :contractor, :amount, :start, :end)
                """)
                .param("number", number).param("contractor", generalContractorId)
                .param("amount", amount).param("start", start).param("end", end)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void updateContractSpan(long id, BigDecimal amount, LocalDate start, LocalDate end) {
        jdbc.sql("UPDATE construction_contract SET amount = :amount, start_date = :start, end_date = :end WHERE id = :id")
                .param("amount", amount).param("start", start).param("end", end).param("id", id).update();
    }

    boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE project_code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    long insert(NewProject project, long contractId, List<Project.Participant> participants, OffsetDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO project (project_code, name, site_address, jurisdiction_code, category, subtype,
                                     contract_amount, contract_start, contract_end, permit_status,
                                     construction_unit_id, contract_id, created_at)
                VALUES (:code, :name, :siteAddress, :jurisdictionCode, :category, :subtype, :amount, :start, :end,
                        :permitStatus, :constructionUnitId, :contractId, :createdAt)
                """)
                .param("code", project.code().strip())
                .param("name", project.name().strip())
                .param("siteAddress", project.siteAddress().strip())
                .param("jurisdictionCode", project.jurisdictionCode())
                .param("category", project.category().name())
                .param("subtype", project.subtype().name())
                .param("amount", project.contractAmount())
                .param("start", project.contractStart())
                .param("end", project.contractEnd())
                .param("permitStatus", project.permitStatus().name())
                .param("constructionUnitId", project.constructionUnitId())
                .param("contractId", contractId)
                .param("createdAt", createdAt)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (NewProject.NewJointVentureMember member : project.jointVentureMembers()) {
            jdbc.sql("""
                    INSERT INTO project_jv_member (project_id, organization_id, is_lead, share_percent)
                    VALUES (:projectId, :organizationId, :lead, :share)
                    """)
                    .param("projectId", id).param("organizationId", member.organizationId())
                    .param("lead", member.lead()).param("share", member.sharePercent()).update();
        }
        for (NewProject.NewSubcontractor subcontractor : project.subcontractors()) {
            jdbc.sql("""
                    INSERT INTO project_subcontractor (project_id, organization_id, premium_share_percent)
                    VALUES (:projectId, :organizationId, :share)
                    """)
                    .param("projectId", id).param("organizationId", subcontractor.organizationId())
                    .param("share", subcontractor.premiumSharePercent()).update();
        }
        for (Project.Participant participant : participants) {
            jdbc.sql("""
                    INSERT INTO project_participant (project_id, participant_role, organization_id, name, credit_code)
                    VALUES (:projectId, :role, :organizationId, :name, :creditCode)
                    """)
                    .param("projectId", id).param("role", participant.role().name())
                    .param("organizationId", participant.organizationId())
                    .param("name", participant.name()).param("creditCode", participant.creditCode()).update();
        }
        return id;
    }

    Optional<Project> findById(long id) {
        return withParties(jdbc.sql(SELECT + "WHERE p.id = :id").param("id", id).query(ProjectRepository::map).list())
                .stream().findFirst();
    }

    Optional<ProjectTitle> findTitle(long id) {
        return jdbc.sql("SELECT id, project_code AS code, name FROM project WHERE id = :id").param("id", id)
                .query(ProjectTitle.class).optional();
    }

    Optional<Project> findByCode(String code) {
        return withParties(jdbc.sql(SELECT + "WHERE p.project_code = :code").param("code", code)
                .query(ProjectRepository::map).list()).stream().findFirst();
    }

    /** Projects matching the filter within the scope; a {@code null} scope means all. */
    /** What the project list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "p.id", "code", "p.project_code",
            "name", "p.name", "county", "p.jurisdiction_code", "contractAmount", "p.contract_amount",
            "contractStart", "p.contract_start", "permitStatus", "p.permit_status")), "p.id", "id", "asc");

    List<Project> find(ProjectFilter filter, Scope scope, SortQuery sort, long offset, int limit) {
        Where where = where(filter, scope);
        return withParties(jdbc.sql(SELECT + where.sql + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query(ProjectRepository::map).list());
    }

    long count(ProjectFilter filter, Scope scope) {
        Where where = where(filter, scope);
        return jdbc.sql("SELECT COUNT(*) FROM project p " + where.sql).params(where.params).query(Long.class).single();
    }

    private static Where where(ProjectFilter filter, Scope scope) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (scope != null) {
            List<String> visible = new ArrayList<>();
            if (!scope.countyCodes().isEmpty()) {
                visible.add("p.jurisdiction_code IN (:scopeCounties)");
                params.put("scopeCounties", scope.countyCodes());
            }
            if (!scope.builderIds().isEmpty()) {
                visible.add("p.construction_unit_id IN (:scopeBuilders)");
                visible.add("EXISTS (SELECT 1 FROM project_jv_member m WHERE m.project_id = p.id"
                        + " AND m.organization_id IN (:scopeBuilders))");
                params.put("scopeBuilders", scope.builderIds());
            }
            conditions.add("(" + String.join(" OR ", visible) + ")");
        }
        if (filter.jurisdictionCode() != null) {
            conditions.add("p.jurisdiction_code = :jurisdictionCode");
            params.put("jurisdictionCode", filter.jurisdictionCode());
        }
        if (filter.category() != null) {
            conditions.add("p.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.permitStatus() != null) {
            conditions.add("p.permit_status = :permitStatus");
            params.put("permitStatus", filter.permitStatus().name());
        }
        if (filter.constructionUnitId() != null) {
            conditions.add("p.construction_unit_id = :constructionUnitId");
            params.put("constructionUnitId", filter.constructionUnitId());
        }
        return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
    }

    /** Loads the joint-venture members, subcontractors and participants of all given projects, one query each. */
    private List<Project> withParties(List<Project> projects) {
        if (projects.isEmpty()) {
            return projects;
        }
        List<Long> ids = projects.stream().map(Project::id).toList();
        Map<Long, List<Project.JointVentureMember>> members = byProject(
                "SELECT project_id, organization_id, is_lead, share_percent FROM project_jv_member"
                        + " WHERE project_id IN (:ids) ORDER BY is_lead DESC, organization_id", ids,
                row -> new Project.JointVentureMember(row.getLong("organization_id"), row.getBoolean("is_lead"),
                        row.getBigDecimal("share_percent")));
        Map<Long, List<Project.Subcontractor>> subcontractors = byProject(
                "SELECT project_id, organization_id, premium_share_percent FROM project_subcontractor"
                        + " WHERE project_id IN (:ids) ORDER BY organization_id", ids,
                row -> new Project.Subcontractor(row.getLong("organization_id"), row.getBigDecimal("premium_share_percent")));
        Map<Long, List<Project.Participant>> participants = byProject(
                "SELECT project_id, participant_role, organization_id, name, credit_code FROM project_participant"
                        + " WHERE project_id IN (:ids) ORDER BY id", ids,
                row -> new Project.Participant(ParticipantRole.valueOf(row.getString("participant_role")),
                        row.getObject("organization_id", Long.class), row.getString("name"), row.getString("credit_code")));
        return projects.stream()
                .map(p -> new Project(p.id(), p.code(), p.name(), p.siteAddress(), p.jurisdictionCode(), p.category(),
                        p.subtype(), p.contractAmount(), p.contractStart(), p.contractEnd(), p.permitStatus(),
                        p.constructionUnitId(), p.constructionContract(),
                        members.getOrDefault(p.id(), List.of()),
                        subcontractors.getOrDefault(p.id(), List.of()),
                        participants.getOrDefault(p.id(), List.of())))
                .toList();
    }

    private <T> Map<Long, List<T>> byProject(String sql, List<Long> ids, PartyMapper<T> mapper) {
        RowMapper<Map.Entry<Long, T>> rowMapper = (row, n) -> Map.entry(row.getLong("project_id"), mapper.map(row));
        return jdbc.sql(sql).param("ids", ids).query(rowMapper).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    @FunctionalInterface
    private interface PartyMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static Project map(ResultSet row, int rowNumber) throws SQLException {
        return new Project(
                row.getLong("id"),
                row.getString("project_code"),
                row.getString("name"),
                row.getString("site_address"),
                row.getString("jurisdiction_code"),
                ProjectCategory.valueOf(row.getString("category")),
                ProjectSubtype.valueOf(row.getString("subtype")),
                row.getBigDecimal("contract_amount"),
                row.getObject("contract_start", LocalDate.class),
                row.getObject("contract_end", LocalDate.class),
                PermitStatus.valueOf(row.getString("permit_status")),
                row.getLong("construction_unit_id"),
                mapContract(row, rowNumber),
                List.of(), List.of(), List.of());
    }

    private static ConstructionContract mapContract(ResultSet row, int rowNumber) throws SQLException {
        return new ConstructionContract(
                row.getLong("c_id"),
                row.getString("contract_number"),
                row.getLong("general_contractor_id"),
                row.getBigDecimal("c_amount"),
                row.getObject("c_start", LocalDate.class),
                row.getObject("c_end", LocalDate.class));
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
