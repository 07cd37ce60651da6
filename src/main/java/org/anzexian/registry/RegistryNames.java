package org.anzexian.registry;

import java.util.HashMap;
import java.util.Map;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.springframework.stereotype.Service;

/**
 * The names a list shows beside ids (a project's code and name, an organization's name, a county's name),
 * each read once per list: {@code names.lookup()} for one page or one export.
 */
@Service
public class RegistryNames {

    private final ProjectService projects;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;

    RegistryNames(ProjectService projects, OrganizationService organizations, JurisdictionService jurisdictions) {
        this.projects = projects;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
    }

    /** A fresh memo for one list (not shared between requests: names change). */
    public Lookup lookup() {
        return new Lookup();
    }

    /** Names read so far for one list. */
    public final class Lookup {

        private final Map<Long, Project> projectsById = new HashMap<>();
        private final Map<Long, String> organizationNames = new HashMap<>();
        private final Map<String, String> countyNames = new HashMap<>();

        private Lookup() {
        }

        public Project project(long projectId) {
            return projectsById.computeIfAbsent(projectId, projects::require);
        }

        public String organization(long organizationId) {
            return organizationNames.computeIfAbsent(organizationId, id -> organizations.require(id).name());
        }

        public String county(String jurisdictionCode) {
            return countyNames.computeIfAbsent(jurisdictionCode, code -> jurisdictions.require(code).name());
        }
    }
}
