package org.anzexian.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a list is sorted: fields of the list's {@link SortFields} whitelist, each ascending or descending.
 * Made only by {@link SortFields#parse}, so every field is one the list allows.
 */
public record SortQuery(List<Order> orders) {

    /** One sort key. */
    public record Order(String field, boolean descending) {

        public String direction() {
            return descending ? "desc" : "asc";
        }
    }

    public SortQuery {
        orders = List.copyOf(orders);
    }

    /** The {@code sort} parameter that asks for this order again: {@code deadline,asc,severity,desc}. */
    public String param() {
        return orders.stream().map(order -> order.field() + "," + order.direction()).collect(Collectors.joining(","));
    }

    /** The first key, which a page marks in its table header. */
    public Order primary() {
        return orders.get(0);
    }
}
