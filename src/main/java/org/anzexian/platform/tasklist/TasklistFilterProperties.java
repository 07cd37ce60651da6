package org.anzexian.platform.tasklist;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Tasklist filters each role sees, in Chinese. Data, not code: a process owner can rename them,
 * reorder them or give a role another filter in the configuration.
 */
@ConfigurationProperties(prefix = "anzexian.tasklist")
public record TasklistFilterProperties(List<FilterDefinition> filters) {

    public TasklistFilterProperties {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /**
     * @param name     shown in the Tasklist; also the filter's identity across restarts
     * @param kind     which tasks it lists
     * @param roles    Camunda group types that see it ({@code cityBureau}, {@code county}, {@code insurer}, …)
     * @param priority smaller comes first
     */
    public record FilterDefinition(String name, String description, FilterKind kind, List<String> roles,
            int priority, String color) {

        public FilterDefinition {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public enum FilterKind {
        /** assigned to me */
        MINE,
        /** offered to one of my groups and not yet claimed */
        GROUP,
        /** mine or my groups', past the due date */
        OVERDUE,
        /** mine or my groups', due within the next day */
        DUE_SOON
    }
}
