package org.anzexian.platform.portal;

import java.util.Map;
import org.anzexian.platform.web.PageResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager of a portal list: where the previous and next pages are, with the list's filters kept
 * (blank filters left out of the address).
 */
public record PageLinks(int page, int pages, long total, String previous, String next) {

    public static PageLinks of(String path, Map<String, ?> filters, PageResult<?> result) {
        int pages = (int) Math.max(1, (result.total() + result.size() - 1) / result.size());
        UriComponentsBuilder base = UriComponentsBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                base.queryParam(name, value);
            }
        });
        if (result.size() != 20) {
            base.queryParam("size", result.size());
        }
        return new PageLinks(result.page(), pages, result.total(),
                result.page() > 0 ? link(base, result.page() - 1) : null,
                result.page() + 1 < pages ? link(base, result.page() + 1) : null);
    }

    private static String link(UriComponentsBuilder base, int page) {
        return base.cloneBuilder().replaceQueryParam("page", page).encode().build().toUriString();
    }
}
