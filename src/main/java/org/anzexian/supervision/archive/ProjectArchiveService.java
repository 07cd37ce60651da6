package org.anzexian.supervision.archive;

import java.util.List;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ArchiveVerification;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.UnderwritingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a project's service archive (N6.4) with access checks: whoever may see the project (the
 * construction unit, its county authority, the city bureau), plus the insurer of the project's policy and
 * the service organization registered for it. Kept apart from {@link ServiceArchive}, which every module
 * writes to, so that writing needs no other module.
 */
@Service
public class ProjectArchiveService {

    private final ServiceArchive archive;
    private final ProjectService projects;
    private final UnderwritingService underwriting;
    private final ServiceTeamRegistrationService registrations;

    ProjectArchiveService(ServiceArchive archive, ProjectService projects, UnderwritingService underwriting,
            ServiceTeamRegistrationService registrations) {
        this.archive = archive;
        this.projects = projects;
        this.underwriting = underwriting;
        this.registrations = registrations;
    }

    public record ProjectArchive(long projectId, String projectCode, ArchiveVerification verification,
            List<ArchiveEntry> entries) {
    }

    @Transactional(readOnly = true)
    public ProjectArchive read(Actor actor, long projectId) {
        Project project = visibleProject(actor, projectId);
        List<ArchiveEntry> entries = archive.entries(projectId);
        return new ProjectArchive(projectId, project.code(), ServiceArchive.verify(entries), entries);
    }

    private Project visibleProject(Actor actor, long projectId) {
        try {
            return projects.get(actor, projectId);
        } catch (NotFoundException notVisibleAsProject) {
            Project project = projects.find(projectId).orElseThrow(() -> notVisibleAsProject);
            Policy policy = underwriting.effectivePolicy(project.constructionContract().id())
                    .orElseThrow(() -> notVisibleAsProject);
            if (actor.organizationIds(Role.INSURER).contains(policy.insurerOrgId())) {
                return project;
            }
            if (!actor.organizationIds(Role.SERVICE_ORG).isEmpty()) {
                try {
                    registrations.get(actor, policy.id());
                    return project;
                } catch (NotFoundException notRegistered) {
                    throw notVisibleAsProject;
                }
            }
            throw notVisibleAsProject;
        }
    }
}
