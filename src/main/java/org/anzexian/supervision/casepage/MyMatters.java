package org.anzexian.supervision.casepage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.claim.ClaimHandlingProcess;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.engine.CaseHistory;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.anzexian.service.visit.PreventionServiceVisitProcess;
import org.anzexian.supervision.casepage.ProcessCases.Target;
import org.springframework.stereotype.Component;

/**
 * 我的事项 (#14): the records the user started (a Tasklist start form: accident report, quotation request,
 * filing …) or took part in (a task completed or held, a step recorded in the service archive under the
 * user's name: an accident reported, a hazard raised, a visit requested through {@code /api}), one line
 * per record with its state and a link to its case page. Only records the user may see today are listed.
 */
@Component
class MyMatters {

    /** How far back each source is read; a person's own matters stay well below this. */
    static final int LIMIT = 500;

    /** One line of 我的事项. */
    record Matter(String kind, String title, String href, String roles, String lastAt, String state, boolean open) {
    }

    private final CaseHistory history;
    private final ServiceArchive archive;
    private final ProcessCases processCases;
    private final CaseRecords records;
    private final BusinessTime time;

    MyMatters(CaseHistory history, ServiceArchive archive, ProcessCases processCases, CaseRecords records,
            BusinessTime time) {
        this.history = history;
        this.archive = archive;
        this.processCases = processCases;
        this.records = records;
        this.time = time;
    }

    /** What is gathered about one record. */
    private static final class Gathered {
        final Set<String> roles = new LinkedHashSet<>();
        final Map<String, CaseHistory.Instance> instances = new LinkedHashMap<>();
        OffsetDateTime lastAt;

        void touch(String role, OffsetDateTime at) {
            roles.add(role);
            if (at != null && (lastAt == null || at.isAfter(lastAt))) {
                lastAt = at;
            }
        }
    }

    PageResult<Matter> of(Actor actor, boolean openOnly, PageQuery page) {
        Map<Target, Gathered> gathered = new LinkedHashMap<>();
        Map<String, Optional<CaseHistory.Instance>> instanceCache = new HashMap<>();
        for (CaseHistory.Instance instance : history.startedBy(actor.userId(), LIMIT)) {
            processCases.of(actor, instance).ifPresent(target -> {
                Gathered record = gathered.computeIfAbsent(target, key -> new Gathered());
                record.touch("发起", instance.startedAt());
                record.instances.put(instance.id(), instance);
            });
        }
        for (CaseHistory.Completed task : history.completedBy(actor.userId(), LIMIT)) {
            instanceCache.computeIfAbsent(task.processInstanceId(), history::instance).ifPresent(instance ->
                    processCases.of(actor, instance).ifPresent(target -> {
                        Gathered record = gathered.computeIfAbsent(target, key -> new Gathered());
                        record.touch("办理", task.completedAt());
                        record.instances.put(instance.id(), instance);
                    }));
        }
        for (CaseHistory.OpenTask task : history.heldBy(actor.userId())) {
            instanceCache.computeIfAbsent(task.processInstanceId(), history::instance).ifPresent(instance ->
                    processCases.of(actor, instance).ifPresent(target -> {
                        Gathered record = gathered.computeIfAbsent(target, key -> new Gathered());
                        record.touch("待办", task.createdAt());
                        record.instances.put(instance.id(), instance);
                    }));
        }
        for (ArchiveEntry entry : archive.entriesBy(actor.userId(), LIMIT)) {
            target(entry).ifPresent(target -> gathered.computeIfAbsent(target, key -> new Gathered())
                    .touch(entry.event().endsWith("REPORTED") || entry.event().endsWith("RAISED")
                            || entry.event().endsWith("REQUESTED") ? "提交" : "办理", entry.recordedAt()));
        }
        List<Matter> matters = new ArrayList<>();
        List<Map.Entry<Target, Gathered>> ordered = new ArrayList<>(gathered.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<Target, Gathered> entry) -> entry.getValue().lastAt,
                Comparator.nullsLast(Comparator.reverseOrder())));
        for (Map.Entry<Target, Gathered> entry : ordered) {
            Target target = entry.getKey();
            Gathered record = entry.getValue();
            List<CaseHistory.Instance> instances = new ArrayList<>(record.instances.values());
            if (instances.isEmpty()) {
                mainProcess(target.kind()).ifPresent(key -> instances.addAll(history.instances(key, List.of(target.id()))));
            }
            boolean open = instances.stream().anyMatch(CaseHistory.Instance::active);
            if (openOnly && !open) {
                continue;
            }
            String state = open ? "进行中" : instances.stream().max(Comparator.comparing(CaseHistory.Instance::startedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder()))).map(instance -> CasePages.stateLabel(instance.state()))
                    .orElse("—");
            records.title(actor, target.kind(), target.id()).ifPresent(title -> matters.add(new Matter(
                    target.kind().label(), title, target.href(), String.join("、", record.roles), time.minute(record.lastAt),
                    state, open)));
        }
        int from = (int) Math.min(page.offset(), matters.size());
        int to = Math.min(from + page.size(), matters.size());
        return PageResult.of(matters.subList(from, to), matters.size(), page);
    }

    private static Optional<Target> target(ArchiveEntry entry) {
        return switch (entry.subject()) {
            case HAZARD -> Optional.of(new Target(CaseKind.HAZARD, entry.subjectId()));
            case CLAIM -> Optional.of(new Target(CaseKind.CLAIM, entry.subjectId()));
            case VISIT -> Optional.of(new Target(CaseKind.VISIT, entry.subjectId()));
            case POLICY, SERVICE_TEAM -> Optional.of(new Target(CaseKind.POLICY, entry.subjectId()));
            // rankings are kept in the organizations' chain, not among a project's entries
            case ASSESSMENT -> Optional.empty();
        };
    }

    /** The process whose instances tell a record's state when only the archive names it. */
    private static Optional<String> mainProcess(CaseKind kind) {
        return switch (kind) {
            case HAZARD -> Optional.of(HazardRectificationProcess.KEY);
            case CLAIM -> Optional.of(ClaimHandlingProcess.KEY);
            case VISIT -> Optional.of(PreventionServiceVisitProcess.KEY);
            case POLICY -> Optional.of(ServiceTeamRegistrationProcess.KEY);
            default -> Optional.empty();
        };
    }
}
