package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectSubtype;

/**
 * Test construction units (each with one user whose password is its id), their projects and stored
 * application documents; every name is unique so that tests can share one database.
 */
final class UnderwritingFixtures {

    static final Actor ADMIN = new Actor("underwritingTests", Set.of(PlatformGroups.ADMIN));
    static final BigDecimal CONTRACT_AMOUNT = new BigDecimal("12000000.00");

    record Builder(Organization organization, Actor user, String email) {
    }

    private final OrganizationService organizations;
    private final ProjectService projects;
    private final GroupDirectory groups;
    private final FileStore files;
    private final Clock clock;

    UnderwritingFixtures(OrganizationService organizations, ProjectService projects, GroupDirectory groups,
            FileStore files, Clock clock) {
        this.organizations = organizations;
        this.projects = projects;
        this.groups = groups;
        this.files = files;
        this.clock = clock;
    }

    /** A construction unit in 忻府区 with one user. */
    Builder builder() {
        String suffix = suffix();
        Organization organization = organizations.register(ADMIN, new NewOrganization(OrganizationType.CONSTRUCTION_UNIT,
                "测试建筑工程有限公司" + suffix, creditCode(), null, "总经理", null, null, "140902", null));
        String userId = "ubuilder" + suffix;
        String email = userId + "@underwriting.test.anzexian.local";
        groups.ensureUser(userId, "测试", "施工", email, userId);
        groups.ensureMembership(userId, organization.groupId());
        return new Builder(organization, new Actor(userId, Set.of(organization.groupId())), email);
    }

    /** A project of the builder, starting in a month, with a contract of {@link #CONTRACT_AMOUNT}. */
    Project project(Builder builder, PermitStatus permit, List<NewProject.NewJointVentureMember> members) {
        String suffix = suffix();
        LocalDate start = LocalDate.now(clock).plusMonths(1);
        return projects.register(ADMIN, new NewProject("UW-" + suffix, "测试住宅楼" + suffix, "忻府区七一路" + suffix + "号",
                "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, CONTRACT_AMOUNT, start,
                start.plusMonths(18), permit, builder.organization().id(), "HT-" + suffix, members, List.of(), List.of()));
    }

    /** Stores a unique little PDF and answers its SHA-256. */
    String store(String text) {
        byte[] bytes = ("%PDF-1.4 " + text + " " + suffix()).getBytes(StandardCharsets.UTF_8);
        return files.store(text + ".pdf", "application/pdf", bytes, "underwritingTests").sha256();
    }

    static String creditCode() {
        StringBuilder body = new StringBuilder("91149");
        for (int i = 0; i < 12; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(body.toString());
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
