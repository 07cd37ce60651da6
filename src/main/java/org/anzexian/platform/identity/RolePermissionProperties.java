package org.anzexian.platform.identity;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which processes each role may start, by Camunda group type (e.g. {@code insurer: [insurerFiling]}).
 * Configuration, not code: a process owner adds a key here when a new process gets a start form.
 */
@ConfigurationProperties(prefix = "anzexian.roles")
public record RolePermissionProperties(Map<String, List<String>> startableProcesses) {

    public RolePermissionProperties {
        startableProcesses = startableProcesses == null ? Map.of() : Map.copyOf(startableProcesses);
    }

    public List<String> startableBy(Role role) {
        return startableProcesses.getOrDefault(role.groupType(), List.of());
    }
}
