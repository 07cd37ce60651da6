package org.anzexian.registry.organization;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.anzexian.notification.Notice;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PasswordRules;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Logins of an organization's staff. Decision (#3, README "Accounts"): the city bureau registers an
 * organization and creates its users, including the first one of an insurer or service organization
 * that has yet to file; organizations do not create logins themselves, so nobody gets into the system
 * without the bureau knowing who it is.
 */
@Service
@Validated
public class OrganizationAccountService {

    private final OrganizationService organizations;
    private final GroupDirectory groups;
    private final NotificationService notifications;
    private final PasswordRules passwords;

    OrganizationAccountService(OrganizationService organizations, GroupDirectory groups,
            NotificationService notifications, PasswordRules passwords) {
        this.organizations = organizations;
        this.groups = groups;
        this.notifications = notifications;
        this.passwords = passwords;
    }

    /**
     * Creates a Camunda user in the organization's group and mails the person a welcome notice
     * (without the password, which the bureau hands over separately), all in one transaction.
     */
    @Transactional
    public OrganizationUser createUser(Actor actor, long organizationId, @Valid NewOrganizationUser request) {
        requireCityBureau(actor);
        Organization organization = organizations.require(organizationId);
        // checked here as well as by the engine: start-up seeding of the demo may skip the engine's check
        passwords.requireAcceptable(request.password(), request.userId(), request.firstName().strip(),
                request.lastName().strip(), request.email().strip());
        if (groups.userExists(request.userId())) {
            throw new ConflictException("userId", "该登录名已被使用 (login already taken): " + request.userId());
        }
        groups.ensureUser(request.userId(), request.firstName().strip(), request.lastName().strip(),
                request.email().strip(), request.password());
        groups.ensureMembership(request.userId(), organization.groupId());
        notifications.enqueue(new Notice(NoticeTemplates.ACCOUNT_CREATED, List.of(request.email().strip()),
                Map.of("personName", request.lastName().strip() + request.firstName().strip(),
                        "userId", request.userId(),
                        "organizationName", organization.name()),
                "organization:" + organization.id(),
                "account-created:" + request.userId()));
        return new OrganizationUser(organization.id(), request.userId(), request.firstName().strip(),
                request.lastName().strip(), request.email().strip());
    }

    /** The logins of an organization's group. */
    public List<OrganizationUser> usersOf(Actor actor, long organizationId) {
        requireCityBureau(actor);
        Organization organization = organizations.require(organizationId);
        return groups.members(organization.groupId()).stream()
                .map(user -> new OrganizationUser(organization.id(), user.userId(), user.firstName(), user.lastName(),
                        user.email()))
                .toList();
    }

    private static void requireCityBureau(Actor actor) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局或系统管理员可以管理单位账号"
                    + " (only the city bureau or an administrator manages organization logins)");
        }
    }
}
