package org.anzexian.platform.tasklist;

import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.tasklist.TasklistFilterProperties.FilterDefinition;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/** Creates the configured Tasklist filters once and keeps them in step with the configuration. */
@Service
public class TasklistFilters {

    /** The process variable, written by each module when its process starts, that tells cases apart in a list. */
    public static final String CASE_SUMMARY = "caseSummary";
    private static final String CURRENT_USER = "${currentUser()}";
    private static final String CURRENT_GROUPS = "${currentUserGroups()}";

    private final FilterService filterService;
    private final TaskService taskService;
    private final TasklistFilterProperties properties;
    private final SystemAuthority system;

    public TasklistFilters(FilterService filterService, TaskService taskService, TasklistFilterProperties properties,
            SystemAuthority system) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.properties = properties;
        this.system = system;
    }

    /** Ids of the filters the given role sees, creating or updating them as configured. */
    public List<String> ensureFiltersFor(Role role) {
        return properties.filters().stream()
                .filter(definition -> definition.roles().contains(role.groupType()))
                .map(definition -> system.call(() -> ensureAgainIfRaced(definition)))
                .toList();
    }

    /**
     * Nodes starting at once (#15) update the same filter from the same configuration: the one that saves second
     * finds it changed and saves it again over what the other wrote.
     */
    private String ensureAgainIfRaced(FilterDefinition definition) {
        try {
            return ensure(definition);
        } catch (OptimisticLockingException savedByAnotherNode) {
            return ensure(definition);
        }
    }

    private String ensure(FilterDefinition definition) {
        Filter filter = filterService.createTaskFilterQuery().filterName(definition.name()).list().stream()
                .findFirst()
                .orElseGet(filterService::newTaskFilter);
        filter.setName(definition.name());
        filter.setQuery(query(definition.kind()));
        filter.setProperties(Map.of(
                "description", definition.description() == null ? "" : definition.description(),
                "priority", definition.priority(),
                "color", definition.color() == null ? "#555555" : definition.color(),
                "refresh", true,
                // our code writes each case's summary (project, severity, amount) so list items differ
                "variables", List.of(Map.of("name", CASE_SUMMARY, "label", "事项"))));
        return filterService.saveFilter(filter).getId();
    }

    private TaskQuery query(TasklistFilterProperties.FilterKind kind) {
        TaskQuery query = taskService.createTaskQuery();
        return switch (kind) {
            case MINE -> query.taskAssigneeExpression(CURRENT_USER);
            case GROUP -> query.taskCandidateGroupInExpression(CURRENT_GROUPS).taskUnassigned();
            case OVERDUE -> mineOrMyGroups(query).dueBeforeExpression("${now()}");
            case DUE_SOON -> mineOrMyGroups(query).dueAfterExpression("${now()}")
                    .dueBeforeExpression("${dateTime().plusDays(1).toDate()}");
        };
    }

    /**
     * Mine, or my groups' not yet claimed. Every task of ours has its organization's group as candidate and is
     * claimed only by its members, so a task of mine is one of my groups' tasks that I claimed: the query looks the
     * tasks up through my groups' candidate links (an index) and keeps those claimed by me or by nobody. Written as
     * "assigned to me OR a candidate of my groups", PostgreSQL joined every overdue task with every candidate link
     * at 100,000 open tasks (docs/PERFORMANCE.md, "Busy Tasklist, 已逾期").
     */
    private static TaskQuery mineOrMyGroups(TaskQuery query) {
        return query.taskCandidateGroupInExpression(CURRENT_GROUPS).includeAssignedTasks()
                .or()
                .taskAssigneeExpression(CURRENT_USER)
                .taskUnassigned()
                .endOr();
    }
}
