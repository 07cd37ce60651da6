package org.anzexian.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Lets every authorization check use the user's groups as they are, instead of first reading which groups
 * have any authorization at all (#15, docs/PERFORMANCE.md "Scale", busy Tasklist). The engine narrows the
 * user's groups to those found by {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, once per
 * command; every task with a candidate group carries a group authorization of its own, so at 100,000 open
 * tasks that statement read 130,000 rows and took 45 ms, five times for one page of a Tasklist filter. The
 * narrowing cannot change an outcome: a group without authorization rows matches none of them. It only keeps
 * the {@code IN} lists short for users in very many groups, and ours are members of one to three.
 */
@Component
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SessionReplacement.register(configuration, AuthorizationManager.class, GroupsAsGiven::new);
    }

    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
