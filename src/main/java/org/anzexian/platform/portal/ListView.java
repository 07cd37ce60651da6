package org.anzexian.platform.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a portal list page needs besides its rows: the links of its pager, of its sortable column headers and
 * of its Excel export, each keeping the page's filters (the same query parameters as its {@code /api} list).
 * Templates use the fragments of {@code portal/list-parts.html}.
 */
public final class ListView<T> {

    private final String path;
    private final String exportPath;
    private final Map<String, String> filters;
    private final ListQuery query;
    private final PageResult<T> result;

    /**
     * @param filters the page's filter parameters as given (blank ones are left out of the links)
     * @param exportPath the matching {@code .xlsx}, or null when the list has none
     */
    public ListView(String path, String exportPath, Map<String, String> filters, ListQuery query,
            PageResult<T> result) {
        this.path = path;
        this.exportPath = exportPath;
        this.filters = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                this.filters.put(name, value.strip());
            }
        });
        this.query = query;
        this.result = result;
    }

    public List<T> getItems() {
        return result.items();
    }

    public long getTotal() {
        return result.total();
    }

    /** The page shown, counted from 1 for people. */
    public int getPageNumber() {
        return result.page() + 1;
    }

    public long getPages() {
        return Math.max(1, (result.total() + result.size() - 1) / result.size());
    }

    public boolean isHasPrevious() {
        return result.page() > 0;
    }

    public boolean isHasNext() {
        return (long) (result.page() + 1) * result.size() < result.total();
    }

    public String getPreviousHref() {
        return href(filters, query.sort().param(), result.page() - 1);
    }

    public String getNextHref() {
        return href(filters, query.sort().param(), result.page() + 1);
    }

    /** The header link of a column: sorts by it ascending, or descending when it is already sorted ascending. */
    public String sortHref(String field) {
        SortQuery.Order primary = query.sort().orders().isEmpty() ? null : query.sort().primary();
        boolean descending = primary != null && primary.field().equals(field) && !primary.descending();
        return href(filters, field + "," + (descending ? "desc" : "asc"), 0);
    }

    /** ▲ or ▼ beside the column the list is sorted by, else nothing. */
    public String sortMark(String field) {
        if (query.sort().orders().isEmpty() || !query.sort().primary().field().equals(field)) {
            return "";
        }
        return query.sort().primary().descending() ? "▼" : "▲";
    }

    /** The Excel export with the same filters and order, or null. */
    public String getExportHref() {
        if (exportPath == null) {
            return null;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(exportPath);
        filters.forEach(uri::queryParam);
        uri.queryParam("sort", query.sort().param());
        return uri.encode().build().toUriString();
    }

    /** The value of a filter as given, "" when absent (for the filter form). */
    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    public int getSize() {
        return result.size();
    }

    /** The current order as a {@code sort} parameter, which the filter form keeps. */
    public String getSortParam() {
        return query.sort().param();
    }

    /** Whether the page size differs from the default (then the filter form keeps it). */
    public boolean isCustomSize() {
        return result.size() != ListQuery.DEFAULT_SIZE;
    }

    private String href(Map<String, String> keep, String sort, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        keep.forEach(uri::queryParam);
        if (sort != null && !sort.isBlank()) {
            uri.queryParam("sort", sort);
        }
        if (result.size() != ListQuery.DEFAULT_SIZE) {
            uri.queryParam("size", result.size());
        }
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
