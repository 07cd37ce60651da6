package org.anzexian.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.anzexian.platform.engine.StepOwnership;
import org.springframework.stereotype.Component;

/**
 * The business table of the test-only probe process: each probe started by {@link PlatformFixtures}
 * is a record (its business key) owned by one group, as a real flow's record is owned by an organization.
 */
@Component
class PlatformProbeOwners implements StepOwnership {

    private static final AtomicLong NEXT_RECORD = new AtomicLong(1);
    private static final Map<Long, String> OWNER_OF_RECORD = new ConcurrentHashMap<>();

    static long newRecord(String ownerGroup) {
        long record = NEXT_RECORD.getAndIncrement();
        OWNER_OF_RECORD.put(record, ownerGroup);
        return record;
    }

    @Override
    public String processKey() {
        return PlatformProbeModel.KEY;
    }

    @Override
    public Set<String> ownerGroups(long recordId, String taskKey) {
        String owner = OWNER_OF_RECORD.get(recordId);
        return owner != null && PlatformProbeModel.USER_TASK_HANDLE.equals(taskKey) ? Set.of(owner) : Set.of();
    }
}
