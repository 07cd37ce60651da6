package org.anzexian.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Every item of a paged {@code /api} list ({@code PageResult}), read page by page at the largest size. */
public final class PagedLists {

    private PagedLists() {
    }

    /** The {@code id} of each item of one page, in its order. */
    public static java.util.List<Long> ids(JsonNode page) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    /** {@code path} may carry its own query; the items of all pages as one array. */
    public static ArrayNode all(TestRestTemplate http, String user, String path) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        JsonNode page;
        int number = 0;
        do {
            page = http.withBasicAuth(user, user).getForObject(path + (path.contains("?") ? "&" : "?")
                    + "size=200&page=" + number++, JsonNode.class);
            if (!page.path("items").isArray()) {
                throw new AssertionError(path + " is not a page: " + page);
            }
            items.addAll((ArrayNode) page.path("items"));
        } while (items.size() < page.path("total").asLong());
        return items;
    }
}
