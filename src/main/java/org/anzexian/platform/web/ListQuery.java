package org.anzexian.platform.web;

import java.util.List;

/**
 * A page of a sorted list: what every list of {@code /api} and of the portal takes ({@code page} from 0,
 * {@code size} default {@value #DEFAULT_SIZE}, at most {@link PageQuery#MAX_SIZE}; {@code sort}, see
 * {@link SortFields}). An export asks for all rows at once ({@link #all}).
 */
public final class ListQuery {

    public static final int DEFAULT_SIZE = 50;

    private final int page;
    private final int size;
    private final SortQuery sort;

    private ListQuery(int page, int size, SortQuery sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    /** The request's {@code page}, {@code size} and {@code sort} checked against the list's sortable fields. */
    public static ListQuery of(int page, int size, List<String> sort, SortFields fields) {
        PageQuery checked = new PageQuery(page, size);
        return new ListQuery(checked.page(), checked.size(), fields.parse(sort));
    }

    /** All {@code total} rows in one page, for an export that checked its cap before. */
    public static ListQuery all(long total, SortQuery sort) {
        return new ListQuery(0, (int) Math.max(1, Math.min(total, Integer.MAX_VALUE)), sort);
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public SortQuery sort() {
        return sort;
    }

    public long offset() {
        return (long) page * size;
    }

    /** Wraps one page of items with the number of all matching ones. */
    public <T> PageResult<T> result(List<T> items, long total) {
        return new PageResult<>(items, total, page, size);
    }

    /** One page cut out of a complete list sorted in memory. */
    public <T> PageResult<T> slice(List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        return result(all.subList(from, Math.min(from + size, all.size())), all.size());
    }
}
