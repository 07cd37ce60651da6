package org.anzexian.platform.migration;

import java.util.List;

/**
 * What a migration of the running instances of {@code processKey} to version {@code targetVersion} would
 * do, per older version that still has running instances (#13, the dry run).
 */
public record MigrationReport(String processKey, String targetDefinitionId, int targetVersion,
        List<SourceVersion> sources) {

    /**
     * One older version: its running instances; the activities mapped to the target by id; the activities
     * that are gone from the target, with the instances waiting there; the timers kept as they are or
     * recreated because their definition changed; which instances can move and which cannot.
     */
    public record SourceVersion(String definitionId, int version, int instanceCount, List<Mapping> mapped,
            List<Unmapped> unmapped, List<Timer> timers, List<String> migratableInstanceIds,
            List<String> blockedInstanceIds) {
    }

    public record Mapping(String sourceActivityId, String targetActivityId, String name) {
    }

    public record Unmapped(String activityId, String name, List<String> waitingInstanceIds) {
    }

    /** {@code recreated}: the timer's definition differs in the target, so its due date is computed anew. */
    public record Timer(String activityId, String name, boolean recreated) {
    }
}
