package org.anzexian.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Paging and sorting of a short list read whole (registers, a county's own filings): the same {@code page},
 * {@code size} and {@code sort} as the SQL lists ({@link SortFields}), the same refusal of an unknown field,
 * the id as the last key.
 */
public final class MemorySort<T> {

    private final Map<String, Function<T, ? extends Comparable<?>>> keys = new LinkedHashMap<>();
    private final Function<T, ? extends Comparable<?>> id;
    private final String[] defaultOrder;
    private SortFields fields;

    private MemorySort(Function<T, ? extends Comparable<?>> id, String... defaultOrder) {
        this.id = id;
        this.defaultOrder = defaultOrder;
    }

    /** A list whose records are told apart by {@code id}; {@code defaultOrder} as in {@link SortFields#of}. */
    public static <T> MemorySort<T> byId(Function<T, ? extends Comparable<?>> id, String... defaultOrder) {
        return new MemorySort<T>(id, defaultOrder).by("id", id);
    }

    /** A sortable field; absent values sort last either way (as NULLS LAST in the SQL lists). */
    public MemorySort<T> by(String field, Function<T, ? extends Comparable<?>> key) {
        keys.put(field, key);
        fields = null;
        return this;
    }

    /** The whitelist, once every field is declared. */
    public SortFields fields() {
        if (fields == null) {
            fields = SortFields.named(List.copyOf(keys.keySet()), defaultOrder);
        }
        return fields;
    }

    /** One page of {@code all} in the asked order. */
    public PageResult<T> page(List<T> all, int page, int size, List<String> sort) {
        ListQuery query = ListQuery.of(page, size, sort, fields());
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(comparator(query.sort()));
        return query.slice(sorted);
    }

    /** Each key in its direction, then the id in the first key's direction (as {@link SortFields#orderBy}). */
    Comparator<T> comparator(SortQuery sort) {
        Comparator<T> result = (left, right) -> 0;
        boolean byId = false;
        for (SortQuery.Order order : sort.orders()) {
            result = result.thenComparing(comparing(keys.get(order.field()), order.descending()));
            byId |= order.field().equals("id");
        }
        boolean descending = !sort.orders().isEmpty() && sort.primary().descending();
        return byId ? result : result.thenComparing(comparing(id, descending));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Comparator<T> comparing(Function<T, ? extends Comparable<?>> key, boolean descending) {
        Comparator<Comparable> direction = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Function) key, Comparator.nullsLast(direction));
    }
}
