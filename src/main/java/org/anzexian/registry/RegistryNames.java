package org.anzexian.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationFilter;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
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

    /** One choice of a pick-list: the value sent and the name shown. */
    public record Option(String value, String label) {

        /** The constants of an enum as choices. */
        public static <E extends Enum<E>> List<Option> of(E[] values, Function<E, String> value,
                Function<E, String> label) {
            return Arrays.stream(values).map(each -> new Option(value.apply(each), label.apply(each))).toList();
        }

        /** A yes/no filter: {@code true} and {@code false} with their names. */
        public static List<Option> yesNo(String yes, String no) {
            return List.of(new Option("true", yes), new Option("false", no));
        }
    }

    /** The counties a user may filter by: a county authority its own area, everybody else all of them. */
    public List<Option> countyOptions(Actor actor) {
        return jurisdictions.counties().stream()
                .filter(county -> actor.seesWholeCity() || actor.countyCodes().isEmpty()
                        || actor.countyCodes().contains(county.code()))
                .map(county -> new Option(county.code(), county.name())).toList();
    }

    /** The organizations of a type by name (insurers, service organizations), for a filter's pick-list. */
    public List<Option> organizationOptions(OrganizationType type) {
        List<Option> options = new ArrayList<>();
        PageResult<Organization> batch;
        int number = 0;
        do {
            batch = organizations.list(new OrganizationFilter(type, null, null), new PageQuery(number++, PageQuery.MAX_SIZE));
            batch.items().forEach(organization -> options.add(new Option(String.valueOf(organization.id()),
                    organization.name())));
        } while ((long) number * PageQuery.MAX_SIZE < batch.total());
        return options;
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
