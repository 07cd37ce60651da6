package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.anzexian.platform.PlatformFixtures.Member;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every start re-grants each role's groups what the configuration says (a grant deleted or a permission revoked
 * by hand comes back), reading all grants at once and writing only what is missing.
 */
abstract class RoleRegrantContract {

    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;

    @Test
    void aDeletedGrantAndARevokedPermissionComeBackAndNothingElseIsWritten() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Member county = new PlatformFixtures(engine, groups).member(Role.COUNTY);
        Map<String, Authorization> countyGrants = grantsOf(county.groupId());
        Authorization overdueFilter = countyGrants.values().stream()
                .filter(grant -> grant.getResourceType() == Resources.FILTER.resourceType())
                .filter(grant -> "已逾期".equals(engine.getFilterService().getFilter(grant.getResourceId()).getName()))
                .findFirst().orElseThrow();
        authorizations.deleteAuthorization(overdueFilter.getId());
        Authorization ownersDefinitions = grantsOf(PlatformGroups.PROCESS_OWNERS).get(Resources.PROCESS_DEFINITION
                .resourceType() + "/" + ANY);
        ownersDefinitions.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(ownersDefinitions);
        assertThat(grantsOf(county.groupId())).hasSize(countyGrants.size() - 1);

        groups.regrantAllRoles();

        Map<String, Authorization> regranted = grantsOf(county.groupId());
        assertThat(regranted.keySet()).isEqualTo(countyGrants.keySet());
        assertThat(regranted.get(key(overdueFilter)).isPermissionGranted(Permissions.READ)).isTrue();
        Authorization ownersAgain = grantsOf(PlatformGroups.PROCESS_OWNERS).get(key(ownersDefinitions));
        assertThat(ownersAgain.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
        assertThat(ownersAgain.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isTrue();

        Map<String, Integer> revisions = revisionsOfAllGrants();
        groups.regrantAllRoles();
        assertThat(revisionsOfAllGrants()).as("a second regrant with nothing missing writes nothing")
                .isEqualTo(revisions);
    }

    /**
     * Two nodes starting at once (a cluster restarted together, #15) both seed the platform groups and regrant every
     * role while grants are missing: both read them missing, both write, and whichever writes second finds the other's
     * grant instead of failing its start. Many missing grants written in the same order make the two collide.
     */
    @Test
    void twoNodesRegrantingAtOnceBothStartAndEachGrantExistsOnce() throws Exception {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        List<String> counties = IntStream.range(0, 12).mapToObj(i -> fixtures.member(Role.COUNTY).groupId()).toList();
        Map<String, Map<String, Authorization>> granted = new HashMap<>();
        for (String county : counties) {
            granted.put(county, grantsOf(county));
            // all but the engine's own grant of the group to its members, which the roles' grants do not restore
            granted.get(county).values().stream()
                    .filter(grant -> grant.getResourceType() != Resources.GROUP.resourceType())
                    .forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
        }
        String newPlatformGroup = "platformrace" + Math.abs(counties.get(0).hashCode());

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> {
                    together.await();
                    groups.ensureGroup(newPlatformGroup, "同时启动", Role.CITY_BUREAU);
                    groups.regrantAllRoles();
                    return null;
                }));
            }
            for (Future<Void> start : starts) {
                start.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
        }

        for (String county : counties) {
            assertThat(grantsOf(county).keySet()).as(county).isEqualTo(granted.get(county).keySet());
        }
        assertThat(engine.getIdentityService().createGroupQuery().groupId(newPlatformGroup).count()).isEqualTo(1);
        assertThat(grantsOf(newPlatformGroup)).isNotEmpty();
    }

    /** A group's grants by resource type and id, failing where one resource has two (the engine forbids it). */
    private Map<String, Authorization> grantsOf(String groupId) {
        List<Authorization> grants = engine.getAuthorizationService().createAuthorizationQuery()
                .groupIdIn(groupId).authorizationType(AUTH_TYPE_GRANT).list();
        return grants.stream().collect(Collectors.toMap(RoleRegrantContract::key, Function.identity()));
    }

    private Map<String, Integer> revisionsOfAllGrants() {
        return engine.getAuthorizationService().createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).list()
                .stream().collect(Collectors.toMap(Authorization::getId,
                        grant -> ((AuthorizationEntity) grant).getRevision()));
    }

    private static String key(Authorization grant) {
        return grant.getResourceType() + "/" + grant.getResourceId();
    }
}
