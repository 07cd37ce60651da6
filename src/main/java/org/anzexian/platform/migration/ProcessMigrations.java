package org.anzexian.platform.migration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.migration.MigrationReport.Mapping;
import org.anzexian.platform.migration.MigrationReport.SourceVersion;
import org.anzexian.platform.migration.MigrationReport.Timer;
import org.anzexian.platform.migration.MigrationReport.Unmapped;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving running instances to a revised process version (#13): a dry run that says, per older version,
 * which activities map to the new version by id, which are gone (and who waits there), which timers are
 * kept or recreated; then the migration of the chosen instances as one of the engine's batches, refused
 * while any of them waits at an activity the new version lacks and the owner has not mapped.
 */
@Service
public class ProcessMigrations {

    private final ProcessEngine engine;
    private final SystemAuthority system;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessMigrations(ProcessEngine engine, SystemAuthority system, JdbcClient jdbc, Clock clock) {
        this.engine = engine;
        this.system = system;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MigrationReport dryRun(Actor actor, String processKey, Integer targetVersion) {
        requireOwner(actor);
        return system.call(() -> {
            ProcessDefinition target = definition(processKey, targetVersion);
            List<SourceVersion> sources = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(processKey).orderByProcessDefinitionVersion().asc().list().stream()
                    .filter(source -> source.getVersion() < target.getVersion())
                    .map(source -> analyse(source, target, Map.of()))
                    .filter(source -> source.instanceCount() > 0)
                    .toList();
            return new MigrationReport(processKey, target.getId(), target.getVersion(), sources);
        });
    }

    @Transactional
    public MigrationOutcome migrate(Actor actor, String processKey, MigrationRequest request) {
        requireOwner(actor);
        if (request == null || request.sourceVersion() == null) {
            throw new InvalidRequestException("sourceVersion", "请指定要迁移的旧版本号 (sourceVersion is required)");
        }
        Map<String, String> mappings = request.activityMappings() == null ? Map.of() : request.activityMappings();
        return system.call(() -> {
            ProcessDefinition target = definition(processKey, request.targetVersion());
            ProcessDefinition source = definition(processKey, request.sourceVersion());
            if (source.getVersion() >= target.getVersion()) {
                throw new InvalidRequestException("sourceVersion", "只能迁移到更新的版本：源版本 " + source.getVersion()
                        + "，目标版本 " + target.getVersion() + " (the target must be newer than the source)");
            }
            checkMappingTargets(target, mappings);
            SourceVersion analysed = analyse(source, target, mappings);
            List<String> chosen = chosenInstances(request, source, analysed);
            MigrationPlan plan = plan(source, target, mappings, recreatedTimers(analysed));
            Batch batch = engine.getRuntimeService().newMigration(plan).processInstanceIds(chosen).executeAsync();
            List<String> recreated = new ArrayList<>(recreatedTimers(analysed));
            long id = record(actor, processKey, source, target, chosen.size(), mappings, recreated, batch.getId());
            return new MigrationOutcome(id, batch.getId(), source.getId(), target.getId(), chosen, recreated);
        });
    }

    private SourceVersion analyse(ProcessDefinition source, ProcessDefinition target, Map<String, String> ownerMappings) {
        BpmnModelInstance sourceModel = engine.getRepositoryService().getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = engine.getRepositoryService().getBpmnModelInstance(target.getId());
        List<Mapping> mapped = new ArrayList<>();
        for (MigrationInstruction instruction : equalActivities(source, target).getInstructions()) {
            String from = instruction.getSourceActivityId();
            String to = instruction.getTargetActivityId();
            mapped.add(new Mapping(from, to, name(targetModel, to)));
        }
        ownerMappings.forEach((from, to) -> mapped.add(new Mapping(from, to, name(targetModel, to))));
        Set<String> mappedSources = mapped.stream().map(Mapping::sourceActivityId).collect(Collectors.toSet());

        Map<String, List<String>> waitingAtUnmapped = new LinkedHashMap<>();
        List<String> migratable = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(source.getId()).list();
        for (ProcessInstance instance : instances) {
            List<String> gone = engine.getRuntimeService().getActiveActivityIds(instance.getId()).stream()
                    .filter(activityId -> !mappedSources.contains(activityId)).distinct().toList();
            gone.forEach(activityId -> waitingAtUnmapped.computeIfAbsent(activityId, any -> new ArrayList<>())
                    .add(instance.getId()));
            (gone.isEmpty() ? migratable : blocked).add(instance.getId());
        }
        List<Unmapped> unmapped = waitingAtUnmapped.entrySet().stream()
                .map(entry -> new Unmapped(entry.getKey(), name(sourceModel, entry.getKey()), entry.getValue()))
                .toList();
        List<Timer> timers = mapped.stream()
                .filter(mapping -> timerDefinition(sourceModel, mapping.sourceActivityId()).isPresent())
                .map(mapping -> new Timer(mapping.sourceActivityId(), name(sourceModel, mapping.sourceActivityId()),
                        !timerDefinition(sourceModel, mapping.sourceActivityId())
                                .equals(timerDefinition(targetModel, mapping.targetActivityId()))))
                .toList();
        return new SourceVersion(source.getId(), source.getVersion(), instances.size(), mapped, unmapped, timers,
                migratable, blocked);
    }

    private MigrationPlan equalActivities(ProcessDefinition source, ProcessDefinition target) {
        try {
            return engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().build();
        } catch (MigrationPlanValidationException invalid) {
            throw new InvalidRequestException("targetVersion", "两个版本之间无法按活动编号迁移：" + invalid.getMessage());
        }
    }

    /** The instances to move: all of the source version or those listed, none waiting where nothing maps. */
    private static List<String> chosenInstances(MigrationRequest request, ProcessDefinition source, SourceVersion analysed) {
        Set<String> ofSource = new LinkedHashSet<>(analysed.migratableInstanceIds());
        ofSource.addAll(analysed.blockedInstanceIds());
        List<String> chosen = request.processInstanceIds() == null || request.processInstanceIds().isEmpty()
                ? List.copyOf(ofSource) : List.copyOf(new LinkedHashSet<>(request.processInstanceIds()));
        List<ApiError.FieldMessage> problems = new ArrayList<>();
        chosen.stream().filter(id -> !ofSource.contains(id)).forEach(id -> problems.add(new ApiError.FieldMessage(
                "processInstanceIds", "实例 " + id + " 不是版本 " + source.getVersion() + " 的运行中实例 (not a running instance of that version)")));
        for (Unmapped gone : analysed.unmapped()) {
            List<String> waiting = gone.waitingInstanceIds().stream().filter(chosen::contains).toList();
            if (!waiting.isEmpty()) {
                problems.add(new ApiError.FieldMessage("activityMappings." + gone.activityId(),
                        "实例 " + String.join("、", waiting) + " 停在「" + gone.name() + "」（" + gone.activityId()
                                + "），新版本中没有该活动；请为它指定新版本中的活动，或不迁移这些实例 (waiting at an activity the new version lacks: map it or leave these instances)"));
            }
        }
        if (chosen.isEmpty()) {
            problems.add(new ApiError.FieldMessage("processInstanceIds", "该版本没有运行中的实例 (no running instances)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return chosen;
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> ownerMappings,
            Collection<String> recreatedTimers) {
        MigrationPlanBuilder plan = engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId());
        for (MigrationInstruction instruction : equalActivities(source, target).getInstructions()) {
            String from = instruction.getSourceActivityId();
            var mapping = plan.mapActivities(from, instruction.getTargetActivityId());
            plan = recreatedTimers.contains(from) ? mapping.updateEventTrigger() : mapping;
        }
        for (Map.Entry<String, String> mapping : ownerMappings.entrySet()) {
            plan = plan.mapActivities(mapping.getKey(), mapping.getValue());
        }
        try {
            return plan.build();
        } catch (MigrationPlanValidationException invalid) {
            throw new InvalidRequestException("activityMappings", "迁移方案无效：" + invalid.getMessage());
        }
    }

    private static List<String> recreatedTimers(SourceVersion analysed) {
        return analysed.timers().stream().filter(Timer::recreated).map(Timer::activityId).toList();
    }

    private void checkMappingTargets(ProcessDefinition target, Map<String, String> mappings) {
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(target.getId());
        List<ApiError.FieldMessage> problems = mappings.entrySet().stream()
                .filter(mapping -> !(model.getModelElementById(mapping.getValue()) instanceof FlowElement))
                .map(mapping -> new ApiError.FieldMessage("activityMappings." + mapping.getKey(),
                        "新版本中没有活动 " + mapping.getValue() + " (no such activity in the target version)"))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private ProcessDefinition definition(String processKey, Integer version) {
        if (version != null && version < 1) {
            throw new InvalidRequestException("version",
                    "版本号从 1 开始 (versions start at 1): " + version);
        }
        var query = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey);
        ProcessDefinition definition = version == null ? query.latestVersion().singleResult()
                : query.processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new NotFoundException("没有流程 " + processKey + (version == null ? "" : " 的版本 " + version)
                    + " (no such process or version)");
        }
        return definition;
    }

    private static String name(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        String name = element instanceof FlowElement flow ? flow.getName() : null;
        return name == null || name.isBlank() ? activityId : name;
    }

    /** The timer's definition as written (date, duration or cycle), if the activity is a timer event. */
    private static Optional<String> timerDefinition(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        if (element == null) {
            return Optional.empty();
        }
        return element.getChildElementsByType(TimerEventDefinition.class).stream().findFirst().map(timer ->
                String.join("|", text(timer.getTimeDate()), text(timer.getTimeDuration()), text(timer.getTimeCycle())));
    }

    private static String text(ModelElementInstance expression) {
        return expression == null ? "" : expression.getTextContent().strip();
    }

    static void requireOwner(Actor actor) {
        if (!actor.isAdmin() && !actor.isMemberOf(PlatformGroups.PROCESS_OWNERS)) {
            throw new ForbiddenException("只有流程管理员可以迁移流程实例 (process owners only)");
        }
    }

    private long record(Actor actor, String processKey, ProcessDefinition source, ProcessDefinition target, int count,
            Map<String, String> mappings, List<String> recreated, String batchId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO process_migration (process_key, source_definition_id, target_definition_id, instance_count,
                    mappings, recreated_timers, batch_id, requested_by, requested_at)
                VALUES (:key, :source, :target, :count, :mappings, :recreated, :batch, :by, :at)""")
                .param("key", processKey).param("source", source.getId()).param("target", target.getId())
                .param("count", count)
                .param("mappings", mappings.entrySet().stream().map(entry -> entry.getKey() + "→" + entry.getValue())
                        .collect(Collectors.joining(",")))
                .param("recreated", String.join(",", recreated)).param("batch", batchId)
                .param("by", actor.userId()).param("at", OffsetDateTime.now(clock))
                .update(key, "id");
        return key.getKey().longValue();
    }
}
