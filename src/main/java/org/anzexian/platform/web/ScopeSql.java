package org.anzexian.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The "who may see it" part of a list's WHERE: a row is visible when any of its columns holds one of the values
 * the reader is granted (its counties, its organizations). Columns come from code, values are bound.
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    /**
     * {@code " AND (1 = 0 OR col IN (:scope_col) …)"} for the columns with granted values; nothing granted
     * matches nothing.
     *
     * @param granted column → the values granted in it (in the order the SQL names them)
     * @param params  receives the bound values
     */
    public static String anyOf(Map<String, ? extends Collection<?>> granted, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" AND (1 = 0");
        granted.forEach((column, values) -> {
            if (!values.isEmpty()) {
                String name = "scope_" + column.replaceAll("\\W", "_");
                sql.append(" OR ").append(column).append(" IN (:").append(name).append(")");
                params.put(name, List.copyOf(values));
            }
        });
        return sql.append(")").toString();
    }
}
