package org.anzexian.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fields one list may be sorted by, each mapped to the SQL expression that sorts it: a whitelist, so a
 * user's {@code sort} never reaches SQL itself. The record id is always the last key, so pages are stable.
 *
 * <p>The {@code sort} parameter: {@code sort=field,asc|desc}, repeatable ({@code sort=a,desc&sort=b}) or as
 * one comma list ({@code sort=a,desc,b,asc}); a field without a direction sorts ascending; without
 * {@code sort} the list's default order applies. An unknown field or direction is refused (400) with the
 * allowed fields.
 */
public final class SortFields {

    private final Map<String, String> columns;
    private final String idColumn;
    private final SortQuery defaultOrder;

    private SortFields(Map<String, String> columns, String idColumn, List<String> defaultOrder) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.idColumn = idColumn;
        this.defaultOrder = parseTokens(defaultOrder);
    }

    /**
     * @param columns      field name → SQL expression (in the order the refusal lists them)
     * @param idColumn     the record id's column, the last tie-breaker
     * @param defaultOrder the order without {@code sort}, as tokens: {@code "deadline", "asc"}
     */
    public static SortFields of(Map<String, String> columns, String idColumn, String... defaultOrder) {
        return new SortFields(columns, idColumn, List.of(defaultOrder));
    }

    /** A list sorted in memory: the fields are only names; see {@link MemorySort}. */
    public static SortFields named(List<String> fields, String... defaultOrder) {
        Map<String, String> names = new LinkedHashMap<>();
        fields.forEach(field -> names.put(field, field));
        return new SortFields(names, null, List.of(defaultOrder));
    }

    /** The user's {@code sort} parameter (Spring splits it at commas) checked against the whitelist. */
    public SortQuery parse(List<String> sort) {
        if (sort == null || sort.stream().allMatch(token -> token == null || token.isBlank())) {
            return defaultOrder;
        }
        return parseTokens(sort);
    }

    private SortQuery parseTokens(List<String> tokens) {
        List<SortQuery.Order> orders = new ArrayList<>();
        // one value is split at commas by Spring, several values are not: split them here
        List<String> split = tokens.stream().filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(token -> !token.isEmpty()).toList();
        for (String token : split) {
            String direction = token.toLowerCase(Locale.ROOT);
            if (direction.equals("asc") || direction.equals("desc")) {
                if (orders.isEmpty()) {
                    throw refusal("排序方向须跟在字段之后，如 sort=字段,desc (a direction must follow a field)");
                }
                SortQuery.Order last = orders.remove(orders.size() - 1);
                orders.add(new SortQuery.Order(last.field(), direction.equals("desc")));
            } else if (columns.containsKey(token)) {
                orders.add(new SortQuery.Order(token, false));
            } else {
                throw refusal("不能按“" + shorten(token) + "”排序 (unknown sort field)");
            }
        }
        return new SortQuery(orders);
    }

    /** {@code ORDER BY} for the query, ending with the id. */
    public String orderBy(SortQuery sort) {
        List<String> keys = new ArrayList<>();
        boolean byId = false;
        for (SortQuery.Order order : sort.orders()) {
            byId |= columns.get(order.field()).equals(idColumn);
            // NULLS LAST on both databases (H2 puts them first by default, PostgreSQL last)
            keys.add(columns.get(order.field()) + (order.descending() ? " DESC" : " ASC") + " NULLS LAST");
        }
        if (!byId) {
            keys.add(idColumn + (!sort.orders().isEmpty() && sort.primary().descending() ? " DESC" : " ASC"));
        }
        return " ORDER BY " + String.join(", ", keys);
    }

    public List<String> fields() {
        return List.copyOf(columns.keySet());
    }

    private InvalidRequestException refusal(String reason) {
        return new InvalidRequestException("sort", reason + "；可排序的字段：" + String.join("、", columns.keySet())
                + "，方向 asc 或 desc");
    }

    private static String shorten(String token) {
        return token.length() <= 40 ? token : token.substring(0, 40) + "…";
    }
}
