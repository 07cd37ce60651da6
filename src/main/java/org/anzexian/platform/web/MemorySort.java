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

    private final Map<String, Comparator<T>> keys = new LinkedHashMap<>();
    private final Comparator<T> byId;
    private final String[] defaultOrder;
    private SortFields fields;

    private MemorySort(Comparator<T> byId, String... defaultOrder) {
        this.byId = byId;
        this.defaultOrder = defaultOrder;
    }

    /** A list whose records are told apart by {@code id}; {@code defaultOrder} as in {@link SortFields#of}. */
    public static <T> MemorySort<T> byId(Function<T, ? extends Comparable<?>> id, String... defaultOrder) {
        return new MemorySort<T>(comparing(id), defaultOrder).by("id", id);
    }

    /** A sortable field; absent values sort last. */
    public MemorySort<T> by(String field, Function<T, ? extends Comparable<?>> key) {
        keys.put(field, comparing(key));
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
        sorted.sort(fields().comparator(query.sort(), keys, byId));
        return query.slice(sorted);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Comparator<T> comparing(Function<T, ? extends Comparable<?>> key) {
        return Comparator.comparing((Function) key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
