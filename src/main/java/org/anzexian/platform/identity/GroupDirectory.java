package org.anzexian.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
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
            Group created = identityService.newGroup(groupId);
            created.setName(name);
            created.setType(role.groupType());
            try {
                identityService.saveGroup(created);
            } catch (ProcessEngineException raced) {
                group = createdMeanwhile(raced, () -> identityService.createGroupQuery().groupId(groupId).singleResult());
            }
        }
        if (group != null && !Objects.equals(group.getType(), role.groupType())) {
            // the name is left alone: the registry names a bureau's group after the organization
            group.setType(role.groupType());
            identityService.saveGroup(group);
        }
        grantRolePermissions(groupId, role);
    }

    /**
     * What another node wrote between our read and our write, which failed with {@code raced}: nodes of a cluster
     * starting at once seed the same groups and grants (#15). Where nothing is there, or it cannot be read (a
     * surrounding transaction the failed write has spoilt), the write failed for another reason: its own failure is
     * the one raised.
     */
    private static <T> T createdMeanwhile(ProcessEngineException raced, Supplier<T> lookUp) {
        T found;
        try {
            found = lookUp.get();
        } catch (RuntimeException unreadable) {
            raced.addSuppressed(unreadable);
            throw raced;
        }
        if (found == null) {
            throw raced;
        }
        return found;
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

    /**
     * Re-applies the role permissions to every group of every role, e.g. after configuration changed. Runs at every
     * start: it reads every group's grants in one query and works out each role's grants (its filters included) once,
     * rather than one query per group and grant and one filter save per group and filter (some 20,000 statements at
     * 2,000 organizations, #15); it writes only a grant that is missing or lacks a permission.
     */
    public void regrantAllRoles() {
        system.run(() -> {
            Map<GrantKey, Authorization> existing = new HashMap<>();
            for (Authorization authorization : authorizationService.createAuthorizationQuery()
                    .authorizationType(AUTH_TYPE_GRANT).list()) {
                if (authorization.getGroupId() != null) {
                    existing.putIfAbsent(GrantKey.of(authorization), authorization);
                }
            }
            for (Role role : Role.values()) {
                List<Group> groups = identityService.createGroupQuery().groupType(role.groupType()).list();
                List<RoleGrant> grants = groups.isEmpty() ? List.of() : roleGrants(role);
                for (Group group : groups) {
                    for (RoleGrant grant : grants) {
                        GrantKey key = new GrantKey(group.getId(), grant.resource().resourceType(), grant.resourceId());
                        saveGrant(key, grant.permissions(), existing.get(key));
                    }
                }
            }
        });
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        system.run(() -> {
            GrantKey key = new GrantKey(groupId, resource.resourceType(), resourceId);
            saveGrant(key, permissions, storedGrant(key));
        });
    }

    private Authorization storedGrant(GrantKey key) {
        return authorizationService.createAuthorizationQuery()
                .groupIdIn(key.groupId())
                .resourceType(key.resourceType())
                .resourceId(key.resourceId())
                .authorizationType(AUTH_TYPE_GRANT)
                .list().stream().findFirst().orElse(null);
    }

    /**
     * Adds what {@code existing} lacks of {@code permissions}, or creates the grant; where another node created or
     * changed it since it was read, once more on what that node wrote.
     */
    private void saveGrant(GrantKey key, Permission[] permissions, Authorization existing) {
        try {
            writeGrant(key, permissions, existing);
        } catch (ProcessEngineException raced) {
            writeGrant(key, permissions, createdMeanwhile(raced, () -> storedGrant(key)));
        }
    }

    private void writeGrant(GrantKey key, Permission[] permissions, Authorization existing) {
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(key.groupId());
            authorization.setResourceType(key.resourceType());
            authorization.setResourceId(key.resourceId());
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

    /** One grant of a group: unique per group, resource type and resource id in the engine's table. */
    private record GrantKey(String groupId, int resourceType, String resourceId) {
        static GrantKey of(Authorization authorization) {
            return new GrantKey(authorization.getGroupId(), authorization.getResourceType(),
                    authorization.getResourceId());
        }
    }

    private record RoleGrant(Resource resource, String resourceId, Permission... permissions) {
        RoleGrant with(RoleGrant other) {
            return new RoleGrant(resource, resourceId, Stream.concat(Stream.of(permissions), Stream.of(other.permissions))
                    .distinct().toArray(Permission[]::new));
        }
    }

    private void grantRolePermissions(String groupId, Role role) {
        for (RoleGrant grant : roleGrants(role)) {
            grant(groupId, grant.resource(), grant.resourceId(), grant.permissions());
        }
    }

    /**
     * What every group of {@code role} may do, one grant per resource (the Tasklist's filters are saved first).
     */
    private List<RoleGrant> roleGrants(Role role) {
        Map<String, RoleGrant> byResource = new LinkedHashMap<>();
        for (RoleGrant grant : grantsListed(role)) {
            byResource.merge(grant.resource().resourceType() + "/" + grant.resourceId(), grant, RoleGrant::with);
        }
        return List.copyOf(byResource.values());
    }

    private List<RoleGrant> grantsListed(Role role) {
        List<RoleGrant> grants = new ArrayList<>();
        if (role.usesTasklist()) {
            grants.add(new RoleGrant(Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            for (String filterId : tasklistFilters.ensureFiltersFor(role)) {
                grants.add(new RoleGrant(Resources.FILTER, filterId, Permissions.READ));
            }
            // the published models, not their cases: the Tasklist names each task's process and draws its
            // diagram only for a definition the user may read (#12); instances stay behind READ_INSTANCE
            grants.add(new RoleGrant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
        }
        List<String> startable = rolePermissions.startableBy(role);
        if (!startable.isEmpty()) {
            grants.add(new RoleGrant(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
            for (String processKey : startable) {
                grants.add(new RoleGrant(Resources.PROCESS_DEFINITION, processKey, Permissions.READ,
                        Permissions.CREATE_INSTANCE));
            }
        }
        if (role == Role.PROCESS_OWNERS) {
            grants.add(new RoleGrant(Resources.APPLICATION, "cockpit", Permissions.ACCESS));
            grants.add(new RoleGrant(Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
            // where running and finished cases stand, their incidents and tasks (#13): reading only; the
            // business records stay behind /api, and nothing here lets an owner change a case
            grants.add(new RoleGrant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK));
            grants.add(new RoleGrant(Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
            grants.add(new RoleGrant(Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        }
        return grants;
    }
}
