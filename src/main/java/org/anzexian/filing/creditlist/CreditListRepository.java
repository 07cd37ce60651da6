package org.anzexian.filing.creditlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CreditListRepository {

    private static final String SELECT = """
            SELECT e.id, e.list_type, e.credit_code, e.name, e.listed_on, e.reason, e.source, e.import_id,
                   i.imported_by, i.imported_at
            FROM credit_list_entry e JOIN credit_list_import i ON i.id = e.import_id
            """;

    private final JdbcClient jdbc;

    CreditListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertImport(String importedBy, OffsetDateTime importedAt, int rowCount) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO credit_list_import (imported_by, imported_at, row_count) VALUES (:by, :at, :rows)")
                .param("by", importedBy).param("at", importedAt).param("rows", rowCount)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    boolean exists(CreditListType type, String creditCode, LocalDate listedOn) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM credit_list_entry
                WHERE list_type = :type AND credit_code = :code AND listed_on = :listedOn
                """)
                .param("type", type.name()).param("code", creditCode).param("listedOn", listedOn)
                .query(Long.class).single() > 0;
    }

    void insertEntry(long importId, CreditListRow row) {
        jdbc.sql("""
                INSERT INTO credit_list_entry (list_type, credit_code, name, listed_on, reason, source, import_id)
                VALUES (:type, :code, :name, :listedOn, :reason, :source, :importId)
                """)
                .param("type", row.type().name()).param("code", row.creditCode()).param("name", row.name())
                .param("listedOn", row.listedOn()).param("reason", row.reason()).param("source", row.source())
                .param("importId", importId)
                .update();
    }

    /** What the credit list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "e.id", "listedOn", "e.listed_on",
            "name", "e.name", "creditCode", "e.credit_code", "type", "e.list_type", "importedAt", "i.imported_at")),
            "e.id", "id", "desc");

    List<CreditListEntry> find(String creditCode, Set<CreditListType> types, LocalDate listedOnOrAfter,
            long offset, int limit) {
        return find(creditCode, types, listedOnOrAfter, SORT.parse(null), offset, limit);
    }

    List<CreditListEntry> find(String creditCode, Set<CreditListType> types, LocalDate listedOnOrAfter, SortQuery sort,
            long offset, int limit) {
        Where where = where(creditCode, types, listedOnOrAfter);
        return jdbc.sql(SELECT + where.sql + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query(CreditListRepository::map).list();
    }

    long count(String creditCode, Set<CreditListType> types, LocalDate listedOnOrAfter) {
        Where where = where(creditCode, types, listedOnOrAfter);
        return jdbc.sql("SELECT COUNT(*) FROM credit_list_entry e " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    private static Where where(String creditCode, Set<CreditListType> types, LocalDate listedOnOrAfter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (creditCode != null) {
            conditions.add("e.credit_code = :code");
            params.put("code", creditCode);
        }
        if (types != null && !types.isEmpty()) {
            conditions.add("e.list_type IN (:types)");
            params.put("types", types.stream().map(Enum::name).toList());
        }
        if (listedOnOrAfter != null) {
            conditions.add("e.listed_on >= :since");
            params.put("since", listedOnOrAfter);
        }
        return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
    }

    private static CreditListEntry map(ResultSet row, int rowNumber) throws SQLException {
        return new CreditListEntry(
                row.getLong("id"),
                CreditListType.valueOf(row.getString("list_type")),
                row.getString("credit_code"),
                row.getString("name"),
                row.getObject("listed_on", LocalDate.class),
                row.getString("reason"),
                row.getString("source"),
                row.getLong("import_id"),
                row.getString("imported_by"),
                row.getObject("imported_at", OffsetDateTime.class));
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
