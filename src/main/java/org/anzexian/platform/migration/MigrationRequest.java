package org.anzexian.platform.migration;

import java.util.List;
import java.util.Map;

/**
 * Migrate running instances of {@code sourceVersion} to the latest version (or {@code targetVersion}):
 * the listed instances, or all of that version; {@code activityMappings} maps activities that are gone
 * from the target (source activity id → target activity id).
 */
public record MigrationRequest(Integer sourceVersion, Integer targetVersion, List<String> processInstanceIds,
        Map<String, String> activityMappings) {
}
