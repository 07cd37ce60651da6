package org.anzexian.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Objects;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Camunda groups and users of the platform, and the permissions each role's groups hold. Every
 * method is idempotent: start-up seeding and organization registration call it again and again.
 */
@Service
public class GroupDirectory {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final RolePermissionProperties rolePermissions;
    private final TasklistFilters tasklistFilters;
    private final SystemAuthority system;
    private final JdbcClient jdbc;

    public GroupDirectory(IdentityService identityService, AuthorizationService authorizationService,
            RolePermissionProperties rolePermissions, TasklistFilters tasklistFilters, SystemAuthority system,
            JdbcClient jdbc) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.rolePermissions = rolePermissions;
        this.tasklistFilters = tasklistFilters;
        this.system = system;
        this.jdbc = jdbc;
    }

    /** Creates the group if it is missing (an existing one keeps its name) and grants it what its role may do. */
    public void ensureGroup(String groupId, String name, Role role) {
        system.run(() -> saveGroup(groupId, name, role));
    }

    private void saveGroup(String groupId, String name, Role role) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(role.groupType());
            identityService.saveGroup(group);
        } else if (!Objects.equals(group.getType(), role.groupType())) {
            // the name is left alone: the registry names a bureau's group after the organization
            group.setType(role.groupType());
            identityService.saveGroup(group);
        }
        grantRolePermissions(groupId, role);
    }

    public boolean groupExists(String groupId) {
        return system.call(() -> identityService.createGroupQuery().groupId(groupId).count() > 0);
    }

    /** Creates the user if missing; an existing user keeps its password. */
    public void ensureUser(String userId, String firstName, String lastName, String email, String password) {
        system.run(() -> saveUserIfMissing(userId, firstName, lastName, email, password));
    }

    private void saveUserIfMissing(String userId, String firstName, String lastName, String email, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identityService.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identityService.saveUser(user);
        }
    }

    public boolean userExists(String userId) {
        return system.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
    }

    /** The members of a group, ordered by user id. */
    public List<DirectoryUser> members(String groupId) {
        return system.call(() -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc()
                .list().stream()
                .map(user -> new DirectoryUser(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()))
                .toList());
    }

    /** A Camunda user as other modules see it: never with its password. */
    public record DirectoryUser(String userId, String firstName, String lastName, String email) {
    }

    public void ensureMembership(String userId, String groupId) {
        system.run(() -> {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(userId, groupId);
            }
        });
    }

    /**
     * E-mail addresses of a group's members, for notices addressed to an organization. One statement on the engine's
     * identity tables (this system keeps its users in the engine's database): the engine's user query built its SQL
     * with every authorization fragment first, 6 % of a node's CPU in an escalation storm (#15), for the same rows.
     */
    public List<String> memberEmails(String groupId) {
        return jdbc.sql("""
                SELECT u.EMAIL_ FROM ACT_ID_USER u JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_
                WHERE m.GROUP_ID_ = :group ORDER BY u.ID_
                """).param("group", groupId).query(String.class).list().stream()
                .filter(email -> email != null && !email.isBlank())
                .toList();
    }

    /** Re-applies the role permissions to every group of every role, e.g. after configuration changed. */
    public void regrantAllRoles() {
        system.run(() -> {
            for (Role role : Role.values()) {
                for (Group group : identityService.createGroupQuery().groupType(role.groupType()).list()) {
                    grantRolePermissions(group.getId(), role);
                }
            }
        });
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        system.run(() -> saveGrant(groupId, resource, resourceId, permissions));
    }

    private void saveGrant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .list().stream().findFirst().orElse(null);
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void grantRolePermissions(String groupId, Role role) {
        if (role.usesTasklist()) {
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (String filterId : tasklistFilters.ensureFiltersFor(role)) {
                grant(groupId, Resources.FILTER, filterId, Permissions.READ);
            }
            // the published models, not their cases: the Tasklist names each task's process and draws its
            // diagram only for a definition the user may read (#12); instances stay behind READ_INSTANCE
            grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        List<String> startable = rolePermissions.startableBy(role);
        if (!startable.isEmpty()) {
            grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            for (String processKey : startable) {
                grant(groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
            }
        }
        if (role == Role.PROCESS_OWNERS) {
            grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
            // where running and finished cases stand, their incidents and tasks (#13): reading only; the
            // business records stay behind /api, and nothing here lets an owner change a case
            grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        }
    }
}
