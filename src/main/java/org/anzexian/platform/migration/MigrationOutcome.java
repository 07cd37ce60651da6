package org.anzexian.platform.migration;

import java.util.List;

/** A migration started as the engine's batch {@code batchId}, and recorded as {@code id}. */
public record MigrationOutcome(long id, String batchId, String sourceDefinitionId, String targetDefinitionId,
        List<String> processInstanceIds, List<String> recreatedTimers) {
}
