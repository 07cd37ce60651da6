package org.anzexian.supervision.casepage;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.CaseHistory;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.supervision.casepage.CasePage.TaskRow;
import org.anzexian.supervision.casepage.CasePage.TimelineEntry;
import org.anzexian.supervision.casepage.CaseRecords.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * Puts a case page together (#14): the record as its module shows it to the actor ({@link CaseRecords},
 * which refuses whoever may not see it), then — only then — the open tasks and history of the record's
 * process instances, read as the system ({@link CaseHistory}), merged with the archive entries into one
 * timeline in time order.
 */
@Component
class CasePages {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final CaseRecords records;
    private final CaseHistory history;
    private final BusinessTime time;
    private final Clock clock;

    CasePages(CaseRecords records, CaseHistory history, BusinessTime time, Clock clock) {
        this.records = records;
        this.history = history;
        this.time = time;
        this.clock = clock;
    }

    CasePage page(Actor actor, CaseKind kind, long id) {
        CaseRecord record = records.read(actor, kind, id);
        List<CaseHistory.Instance> instances = new ArrayList<>();
        record.processes().forEach((processKey, recordIds) -> instances.addAll(history.instances(processKey, recordIds)));
        List<TaskRow> tasks = tasks(instances);
        return new CasePage(kind, id, record.title(), record.subtitle(), record.facts(), record.related(),
                record.documents(), tasks, timeline(record.archive(), history.steps(instances)));
    }

    private List<TaskRow> tasks(List<CaseHistory.Instance> instances) {
        Map<String, String> processNames = instances.stream()
                .collect(Collectors.toMap(CaseHistory.Instance::id, CaseHistory.Instance::processName, (a, b) -> a));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return history.openTasks(processNames.keySet()).stream().map(task -> new TaskRow(task.name(),
                processNames.get(task.processInstanceId()), holder(task), time.minute(task.createdAt()),
                time.minute(task.dueAt()), task.dueAt() != null && task.dueAt().isBefore(now),
                TASKLIST_TASK + task.id())).toList();
    }

    /** The person who claimed the task, else its candidate organizations and bureaus by their Chinese names. */
    String holder(CaseHistory.OpenTask task) {
        String groups = task.candidateGroups().stream().map(history::groupName).collect(Collectors.joining("、"));
        if (task.assignee() != null) {
            return history.userName(task.assignee()) + (groups.isEmpty() ? "" : "（" + groups + "）");
        }
        return groups.isEmpty() ? "未指定" : groups;
    }

    private record Timed(Instant at, int rank, TimelineEntry entry) {
    }

    /**
     * Orders by instant, since the two sources carry different offsets, and at the engine's precision: it keeps
     * milliseconds, the archive microseconds, so a process started in the same millisecond as an archive entry
     * cannot be placed by time alone. Then the entry that opens a record (a hazard found, an accident reported)
     * goes before the process started for it, and every later entry after.
     */
    private List<TimelineEntry> timeline(List<ArchiveEntry> archive, List<CaseHistory.Step> steps) {
        List<Timed> timed = new ArrayList<>();
        Set<String> opened = new HashSet<>();
        for (ArchiveEntry entry : archive.stream().sorted(Comparator.comparingLong(ArchiveEntry::seq)).toList()) {
            boolean opensRecord = opened.add(entry.subject() + "/" + entry.subjectId());
            timed.add(new Timed(millis(entry.recordedAt()), opensRecord ? 0 : 2, new TimelineEntry(
                    time.minute(entry.recordedAt()), "服务档案", ArchiveEvents.label(entry.event()), entry.detail(),
                    who(entry.actor()))));
        }
        for (CaseHistory.Step step : steps) {
            timed.add(new Timed(millis(step.at()), step.kind() == CaseHistory.StepKind.STARTED ? 1 : 3,
                    new TimelineEntry(time.minute(step.at()), "流程", label(step), detail(step), who(step.who()))));
        }
        timed.sort(Comparator.comparing(Timed::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Timed::rank));
        return timed.stream().map(Timed::entry).toList();
    }

    private static Instant millis(OffsetDateTime at) {
        return at == null ? null : at.toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String label(CaseHistory.Step step) {
        return switch (step.kind()) {
            case STARTED -> "流程发起";
            case TASK_COMPLETED -> "完成：" + step.name();
            case TASK_CANCELED -> "中止：" + step.name();
            case TIMER -> "定时触发：" + step.name();
            case ESCALATION -> "升级：" + step.name();
            case ENDED -> "流程" + stateLabel(step.name());
        };
    }

    private static String detail(CaseHistory.Step step) {
        return step.processName();
    }

    private String who(String userId) {
        return userId == null || Acting.SYSTEM.equals(userId) ? "系统" : history.userName(userId);
    }

    /** The engine's state of an instance in Chinese. */
    static String stateLabel(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "ACTIVE" -> "进行中";
            case "SUSPENDED" -> "已挂起";
            case "COMPLETED" -> "已完成";
            case "EXTERNALLY_TERMINATED" -> "已撤销";
            case "INTERNALLY_TERMINATED" -> "已终止";
            default -> state;
        };
    }
}
