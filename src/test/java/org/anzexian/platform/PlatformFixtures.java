package org.anzexian.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Users, groups and probe-process instances of the platform tests; every name is unique per call. */
final class PlatformFixtures {

    private final ProcessEngine engine;
    private final GroupDirectory groups;

    PlatformFixtures(ProcessEngine engine, GroupDirectory groups) {
        this.engine = engine;
        this.groups = groups;
    }

    /** A new organization group of the role with one member whose password is the user id. */
    Member member(Role role) {
        String suffix = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        String groupId = role == Role.COUNTY ? PlatformGroups.county("9" + suffix) : role.groupType() + "9" + suffix;
        String userId = "u" + role.groupType() + suffix;
        groups.ensureGroup(groupId, role.label() + " " + suffix, role);
        groups.ensureUser(userId, "测试", "用户", userId + "@test.anzexian.local", userId);
        groups.ensureMembership(userId, groupId);
        return new Member(userId, groupId);
    }

    Deployment deployProbe() {
        return engine.getRepositoryService().createDeployment()
                .name("platform-tests")
                .enableDuplicateFiltering(true)
                .addClasspathResource(PlatformProbeModel.RESOURCE)
                .addClasspathResource(PlatformProbeModel.FORM_RESOURCE)
                .deploy();
    }

    ProcessInstance startProbe(String ownerGroup, Duration dueIn) {
        return startProbe(ownerGroup, dueIn, Map.of());
    }

    /** A probe with further process variables, e.g. the {@code caseSummary} a module writes at the start. */
    ProcessInstance startProbe(String ownerGroup, Duration dueIn, Map<String, Object> more) {
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(dueIn);
        Map<String, Object> variables = new java.util.HashMap<>(more);
        variables.put(PlatformProbeModel.VAR_OWNER_GROUP, ownerGroup);
        variables.put(PlatformProbeModel.VAR_DUE_DATE, Date.from(due));
        variables.put(PlatformProbeModel.VAR_REMINDER_AFTER, "PT1H");
        return engine.getRuntimeService().startProcessInstanceByKey(PlatformProbeModel.KEY,
                String.valueOf(PlatformProbeOwners.newRecord(ownerGroup)), variables);
    }

    record Member(String userId, String groupId) {
    }
}
