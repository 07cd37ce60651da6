package org.anzexian.registry.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
class OrganizationRepository {

    private static final String SELECT = """
            SELECT id, org_type, name, credit_code, parent_id, principal, email, phone, jurisdiction_code, camunda_group
            FROM organization
            """;

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewOrganization organization, String jurisdictionCode, OffsetDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization (org_type, name, credit_code, parent_id, principal, email, phone,
                                          jurisdiction_code, created_at)
                VALUES (:type, :name, :creditCode, :parentId, :principal, :email, :phone, :jurisdictionCode, :createdAt)
                """)
                .param("type", organization.type().name())
                .param("name", organization.name().strip())
                .param("creditCode", organization.creditCode())
                .param("parentId", organization.parentId())
                .param("principal", organization.principal().strip())
                .param("email", organization.email())
                .param("phone", organization.phone())
                .param("jurisdictionCode", jurisdictionCode)
                .param("createdAt", createdAt)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void setGroup(long id, String groupId) {
        jdbc.sql("UPDATE organization SET camunda_group = :groupId WHERE id = :id")
                .param("groupId", groupId).param("id", id).update();
    }

    Optional<Organization> findById(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(OrganizationRepository::map).optional();
    }

    List<Organization> findByIds(Collection<Long> ids) {
        return jdbc.sql(SELECT + "WHERE id IN (:ids)").param("ids", ids).query(OrganizationRepository::map).list();
    }

    Optional<Organization> findByCreditCode(String creditCode) {
        return jdbc.sql(SELECT + "WHERE credit_code = :code").param("code", creditCode)
                .query(OrganizationRepository::map).optional();
    }

    Optional<Organization> findByGroup(String groupId) {
        return jdbc.sql(SELECT + "WHERE camunda_group = :groupId").param("groupId", groupId)
                .query(OrganizationRepository::map).optional();
    }

    /** What the organization list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "id", "name", "name",
            "type", "org_type", "creditCode", "credit_code", "county", "jurisdiction_code")), "id", "id", "asc");

    List<Organization> find(OrganizationFilter filter, SortQuery sort, long offset, int limit) {
        Where where = where(filter);
        return jdbc.sql(SELECT + where.sql + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query(OrganizationRepository::map).list();
    }

    long count(OrganizationFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM organization " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    private static Where where(OrganizationFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.type() != null) {
            conditions.add("org_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            conditions.add("LOWER(name) LIKE :name ESCAPE '\\'");
            params.put("name", "%" + escapeLike(filter.nameContains().strip().toLowerCase()) + "%");
        }
        if (filter.creditCodeStartsWith() != null && !filter.creditCodeStartsWith().isBlank()) {
            conditions.add("credit_code LIKE :creditCode ESCAPE '\\'");
            params.put("creditCode", escapeLike(filter.creditCodeStartsWith().strip().toUpperCase()) + "%");
        }
        if (filter.jurisdictionCode() != null) {
            conditions.add("jurisdiction_code = :jurisdictionCode");
            params.put("jurisdictionCode", filter.jurisdictionCode());
        }
        return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Organization map(ResultSet row, int rowNumber) throws SQLException {
        return new Organization(
                row.getLong("id"),
                OrganizationType.valueOf(row.getString("org_type")),
                row.getString("name"),
                row.getString("credit_code"),
                row.getObject("parent_id", Long.class),
                row.getString("principal"),
                row.getString("email"),
                row.getString("phone"),
                row.getString("jurisdiction_code"),
                row.getString("camunda_group"));
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
