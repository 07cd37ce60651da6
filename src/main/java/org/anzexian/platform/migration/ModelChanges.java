package org.anzexian.platform.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * What changed between two versions of a process or a decision (#13), for the owner who is about to put a
 * revision live or to migrate onto it: elements added and removed, and per element the facets that
 * decide behaviour — name, timers, candidate groups and assignee, due dates, forms, delegates and
 * expressions, conditions; for a decision, its rules added, removed or changed.
 */
@Service
public class ModelChanges {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final List<String> CAMUNDA_FACETS = List.of("candidateGroups", "candidateUsers", "assignee",
            "dueDate", "followUpDate", "formKey", "formRef", "formRefBinding", "class", "delegateExpression",
            "expression", "resultVariable", "decisionRef", "calledElement", "asyncBefore", "asyncAfter");

    private final RepositoryService repository;
    private final SystemAuthority system;

    ModelChanges(RepositoryService repository, SystemAuthority system) {
        this.repository = repository;
        this.system = system;
    }

    /** An element (or rule) added, removed or changed; {@code changes} names each facet before and after. */
    public record Change(String id, String type, String name, Map<String, List<String>> changes) {
    }

    public record Comparison(String key, int fromVersion, int toVersion, List<Change> added, List<Change> removed,
            List<Change> changed) {
    }

    public Comparison process(Actor actor, String key, Integer fromVersion, Integer toVersion) {
        ProcessMigrations.requireOwner(actor);
        return system.call(() -> {
            List<? extends ResourceDefinition> versions = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(key).orderByProcessDefinitionVersion().asc().list();
            ResourceDefinition[] pair = pair(key, versions, fromVersion, toVersion);
            return compare(key, pair, facetsById(repository.getBpmnModelInstance(pair[0].getId())
                    .getModelElementsByType(FlowElement.class), ModelChanges::facets),
                    facetsById(repository.getBpmnModelInstance(pair[1].getId())
                            .getModelElementsByType(FlowElement.class), ModelChanges::facets));
        });
    }

    public Comparison decision(Actor actor, String key, Integer fromVersion, Integer toVersion) {
        ProcessMigrations.requireOwner(actor);
        return system.call(() -> {
            List<? extends ResourceDefinition> versions = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(key).orderByDecisionDefinitionVersion().asc().list();
            ResourceDefinition[] pair = pair(key, versions, fromVersion, toVersion);
            return compare(key, pair, facetsById(rules(pair[0]), ModelChanges::facets),
                    facetsById(rules(pair[1]), ModelChanges::facets));
        });
    }

    private List<Rule> rules(ResourceDefinition decision) {
        return new ArrayList<>(repository.getDmnModelInstance(decision.getId()).getModelElementsByType(Rule.class));
    }

    /** The two versions compared: by default the one before the latest and the latest. */
    private static ResourceDefinition[] pair(String key, List<? extends ResourceDefinition> versions, Integer from,
            Integer to) {
        if (versions.isEmpty()) {
            throw new NotFoundException("没有 " + key + " (no such process or decision)");
        }
        ResourceDefinition target = to == null ? versions.get(versions.size() - 1) : version(key, versions, to);
        ResourceDefinition source = from == null
                ? versions.stream().filter(v -> v.getVersion() < target.getVersion()).reduce((a, b) -> b)
                        .orElseThrow(() -> new InvalidRequestException("fromVersion",
                                key + " 只有版本 " + target.getVersion() + "，没有可比较的旧版本 (nothing to compare with)"))
                : version(key, versions, from);
        return new ResourceDefinition[] {source, target};
    }

    private static ResourceDefinition version(String key, List<? extends ResourceDefinition> versions, int version) {
        return versions.stream().filter(v -> v.getVersion() == version).findFirst()
                .orElseThrow(() -> new NotFoundException(key + " 没有版本 " + version + " (no such version)"));
    }

    private static Comparison compare(String key, ResourceDefinition[] pair, Map<String, Map<String, String>> before,
            Map<String, Map<String, String>> after) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.forEach((id, facets) -> {
            if (!before.containsKey(id)) {
                added.add(new Change(id, facets.get("type"), facets.get("name"), Map.of()));
            }
        });
        before.forEach((id, facets) -> {
            Map<String, String> now = after.get(id);
            if (now == null) {
                removed.add(new Change(id, facets.get("type"), facets.get("name"), Map.of()));
                return;
            }
            Map<String, List<String>> differences = new LinkedHashMap<>();
            for (String facet : union(facets, now)) {
                if (!Objects.equals(facets.get(facet), now.get(facet))) {
                    differences.put(facet, java.util.Arrays.asList(facets.get(facet), now.get(facet)));
                }
            }
            if (!differences.isEmpty()) {
                changed.add(new Change(id, now.get("type"), now.get("name"), differences));
            }
        });
        return new Comparison(key, pair[0].getVersion(), pair[1].getVersion(), added, removed, changed);
    }

    private static List<String> union(Map<String, String> one, Map<String, String> other) {
        List<String> keys = new ArrayList<>(one.keySet());
        other.keySet().stream().filter(key -> !one.containsKey(key)).forEach(keys::add);
        return keys;
    }

    private static <T extends ModelElementInstance> Map<String, Map<String, String>> facetsById(
            java.util.Collection<T> elements, Function<T, Map<String, String>> facets) {
        return elements.stream().filter(element -> element.getAttributeValue("id") != null)
                .collect(Collectors.toMap(element -> element.getAttributeValue("id"), facets, (a, b) -> a,
                        LinkedHashMap::new));
    }

    private static Map<String, String> facets(FlowElement element) {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("type", element.getElementType().getTypeName());
        put(facets, "name", element.getName());
        for (String facet : CAMUNDA_FACETS) {
            put(facets, facet, element.getAttributeValueNs(CAMUNDA, facet));
        }
        element.getChildElementsByType(TimerEventDefinition.class).forEach(timer -> {
            put(facets, "timeDate", text(timer.getTimeDate()));
            put(facets, "timeDuration", text(timer.getTimeDuration()));
            put(facets, "timeCycle", text(timer.getTimeCycle()));
        });
        if (element instanceof SequenceFlow flow) {
            ConditionExpression condition = flow.getConditionExpression();
            put(facets, "condition", text(condition));
            put(facets, "from", flow.getSource().getId());
            put(facets, "to", flow.getTarget().getId());
        }
        return facets;
    }

    private static Map<String, String> facets(Rule rule) {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("type", "rule");
        put(facets, "name", rule.getDescription() == null ? null : rule.getDescription().getTextContent());
        put(facets, "inputs", rule.getInputEntries().stream().map(entry -> text(entry.getText()))
                .collect(Collectors.joining(" | ")));
        put(facets, "outputs", rule.getOutputEntries().stream().map(entry -> text(entry.getText()))
                .collect(Collectors.joining(" | ")));
        return facets;
    }

    private static void put(Map<String, String> facets, String facet, String value) {
        if (value != null && !value.isBlank()) {
            facets.put(facet, value.strip());
        }
    }

    private static String text(ModelElementInstance element) {
        return element == null ? null : element.getTextContent();
    }
}
