package org.anzexian.service.visit;

import static org.anzexian.platform.engine.Acting.SYSTEM;
import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.filing.serviceorg.TeamRole;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveRecord;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.engine.ProcessGateway.OpenTask;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.export.ExportProperties;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.files.StoredFile;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.anzexian.registry.RegistryNames;
import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.team.RegistrationStatus;
import org.anzexian.service.team.ServiceTeamRegistration.PreventionMember;
import org.anzexian.service.team.ServiceTeamRegistration;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.UnderwritingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Prevention-service visits (issue 5, N4.6, N8.2, N8.4, N8.5, N8.8): the schedule from DMN
 * {@code visitFrequency} while the policy runs, visits requested by the construction unit or the county,
 * the visit record by the registered team only, the report with its hazards (each raised through
 * {@link HazardService#raise}), missed visits, refusals, late reports and the county digest. Every step
 * is archived (N6.4) in its own transaction; the process {@code preventionServiceVisit} drives the dates.
 *
 * <p>Access: the registered service organization records; the insurer, the construction unit, the
 * county of the area and the city bureau read. Engine calls run through {@link ProcessGateway} after these checks.
 */
@Service
@Validated
public class VisitService {

    /** The records of this module in the file store: a visit's report and photos. */
    static final String FILE_RECORD = "visit";

    private static final Logger log = LoggerFactory.getLogger(VisitService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final VisitRepository repository;
    private final VisitFrequency frequency;
    private final VisitProperties properties;
    private final ServiceTeamRegistrationService teams;
    private final UnderwritingService underwriting;
    private final ProjectService projects;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;
    private final HazardService hazards;
    private final FileStore files;
    private final ServiceArchive archive;
    private final NotificationService notifications;
    private final ProcessGateway engine;
    private final ExportProperties exports;
    private final RegistryNames registryNames;
    private final Clock clock;

    VisitService(VisitRepository repository, VisitFrequency frequency, VisitProperties properties,
            ServiceTeamRegistrationService teams, UnderwritingService underwriting, ProjectService projects,
            OrganizationService organizations, JurisdictionService jurisdictions, HazardService hazards, FileStore files,
            ServiceArchive archive, NotificationService notifications, ProcessGateway engine, ExportProperties exports,
            RegistryNames registryNames, Clock clock) {
        this.repository = repository;
        this.frequency = frequency;
        this.properties = properties;
        this.teams = teams;
        this.underwriting = underwriting;
        this.projects = projects;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
        this.hazards = hazards;
        this.files = files;
        // the parties of a record read its files and may attach them again (#11)
        files.registerRecords(FILE_RECORD, this::get);
        this.archive = archive;
        this.notifications = notifications;
        this.engine = engine;
        this.exports = exports;
        this.registryNames = registryNames;
        this.clock = clock;
    }

    // --- schedule --------------------------------------------------------------------------------

    /**
     * The service team of a policy is registered: the first regular visit is scheduled, due after DMN
     * {@code firstVisitWithin}. Runs in the registration's transaction; a second call does nothing.
     */
    @Transactional
    public void startSchedule(long policyId) {
        ServiceTeamRegistration registration = teams.require(policyId);
        Project project = projects.require(registration.projectId());
        Optional<Policy> policy = policyOf(project, policyId);
        if (policy.isEmpty() || registration.serviceOrgId() == null) {
            log.warn("No issued policy {} with a registered service organization: no visit schedule", policyId);
            return;
        }
        if (repository.findRegular(policyId, 1).isPresent()) {
            return;
        }
        VisitFrequency.Intervals intervals = frequency.of(project, hazards.hasOpenMajorHazard(project.id()));
        scheduleRegular(policy.get(), project, registration.serviceOrgId(), 1,
                now().plus(intervals.firstVisitWithin()), intervals);
    }

    /**
     * {@code ServiceTask_ScheduleNextVisit}: a regular visit fell due, so the next one is scheduled one
     * interval later (DMN {@code visitFrequency}, evaluated now), unless that is after the policy ends.
     */
    @Transactional
    public void scheduleNext(long visitId) {
        Visit visit = require(visitId);
        if (visit.kind() != VisitKind.REGULAR || repository.findRegular(visit.policyId(), visit.seq() + 1).isPresent()) {
            return;
        }
        Project project = projects.require(visit.projectId());
        Policy policy = underwriting.policy(visit.policyId());
        VisitFrequency.Intervals intervals = frequency.of(project, hazards.hasOpenMajorHazard(project.id()));
        if (!scheduleRegular(policy, project, visit.serviceOrgId(), visit.seq() + 1,
                visit.dueAt().plus(intervals.visitInterval()), intervals)) {
            archive.append(new ArchiveRecord(project.id(), ArchiveSubject.VISIT, visitId, "VISIT_SCHEDULE_ENDED", SYSTEM,
                    "保单 " + policy.policyNumber() + " 于 " + policy.policyEnd() + " 到期，不再安排定期服务"));
        }
    }

    private boolean scheduleRegular(Policy policy, Project project, long serviceOrgId, int seq, OffsetDateTime dueAt,
            VisitFrequency.Intervals intervals) {
        if (dueAt.isAfter(policy.policyEnd().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())) {
            return false;
        }
        Visit visit = insert(policy, project, serviceOrgId, VisitKind.REGULAR, seq, null, null, dueAt, intervals);
        archive.append(new ArchiveRecord(project.id(), ArchiveSubject.VISIT, visit.id(), "VISIT_SCHEDULED", SYSTEM,
                "第 " + seq + " 次定期服务，应于 " + format(dueAt) + " 前完成"));
        start(visit);
        return true;
    }

    private Visit insert(Policy policy, Project project, long serviceOrgId, VisitKind kind, Integer seq,
            String requestedBy, String reason, OffsetDateTime dueAt, VisitFrequency.Intervals intervals) {
        OffsetDateTime now = now();
        OffsetDateTime reminderAt = dueAt.minus(intervals.reminderBefore());
        long id = repository.insert(new VisitRepository.NewVisit(policy.id(), project.id(), serviceOrgId,
                policy.insurerOrgId(), project.constructionUnitId(), project.jurisdictionCode(), kind, seq, requestedBy,
                reason, dueAt, reminderAt.isBefore(now) ? now : reminderAt, dueAt.plus(properties.grace())), now);
        return require(id);
    }

    private void start(Visit visit) {
        engine.startByMessage(MESSAGE_VISIT_DUE, visit.id(), PreventionServiceVisitProcess.variables(due(visit)));
    }

    private VisitDue due(Visit visit) {
        return new VisitDue(visit.id(), serviceOrgGroup(visit), visit.kind() == VisitKind.REGULAR, visit.dueAt(),
                visit.reminderAt(), visit.missedAt(), caseSummary(visit));
    }

    // --- extra visits ----------------------------------------------------------------------------

    /**
     * The one door of a visit beyond the schedule: the construction unit of the project or the county
     * authority of its area asks for it; the service organization is told. The Tasklist start form
     * ({@code ServiceTask_AcceptRequest}, whose instance is already running) and {@link #requestExtra} end
     * here; returns what the visit's instance needs.
     */
    @Transactional
    public VisitDue requestVisit(Actor actor, ExtraVisitRequest request) {
        FieldViolations violations = new FieldViolations();
        if (request.policyId() == null) {
            violations.add("policyId", "必须指定保单 (required)");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            violations.add("reason", "必须说明原因 (required)");
        }
        violations.throwIfAny();
        Optional<ServiceTeamRegistration> registration = Optional.ofNullable(request.policyId())
                .flatMap(this::registrationOf);
        if (registration.isEmpty() || registration.get().status() != RegistrationStatus.REGISTERED) {
            throw new NotFoundException("该保单没有已登记的服务团队 (no registered service team for policy): "
                    + request.policyId());
        }
        Project project = projects.require(registration.get().projectId());
        boolean builder = actor.organizationIds(Role.BUILDER).contains(project.constructionUnitId());
        boolean county = actor.countyCodes().contains(project.jurisdictionCode());
        if (!builder && !county && !actor.seesWholeCity()) {
            throw new ForbiddenException("只有本项目的施工单位或所在地住建部门可以申请加派服务 "
                    + "(only the project's construction unit or the county authority may request a visit)");
        }
        Policy policy = underwriting.policy(request.policyId());
        if (!policy.coversDay(now().toLocalDate())) {
            throw new ConflictException("policyId", "保单不在保险期间内 (the policy is not in force today)");
        }
        VisitFrequency.Intervals intervals = frequency.of(project, hazards.hasOpenMajorHazard(project.id()));
        Visit visit = insert(policy, project, registration.get().serviceOrgId(), VisitKind.EXTRA, null, actor.userId(),
                request.reason().strip(), now().plus(properties.extraVisitWithin()), intervals);
        archive.append(new ArchiveRecord(project.id(), ArchiveSubject.VISIT, visit.id(), "VISIT_REQUESTED", actor.userId(),
                "加派服务，应于 " + format(visit.dueAt()) + " 前完成：" + visit.requestReason()));
        notify(NoticeTemplates.VISIT_REQUESTED, visit, List.of(serviceOrgGroup(visit)), "requested",
                Map.of("reason", visit.requestReason(), "requestedBy", actor.userId()));
        return due(visit);
    }

    /**
     * The Tasklist start form's way into {@link #requestVisit}: the policy picked by its number (the form's
     * list from {@link #requestablePolicies}); an unknown number is refused like a missing one, together
     * with a missing reason.
     */
    @Transactional
    public VisitDue requestVisitByNumber(Actor actor, String policyNumber, String reason) {
        Long policyId = policyNumber == null || policyNumber.isBlank() ? null
                : underwriting.policyByNumber(policyNumber.strip()).map(Policy::id).orElse(null);
        FieldViolations violations = new FieldViolations();
        if (policyId == null) {
            violations.add(VAR_POLICY_NUMBER, policyNumber == null || policyNumber.isBlank() ? "必须选择保单 (required)"
                    : "保单号不存在：" + policyNumber.strip() + " (no such policy)");
        }
        if (reason == null || reason.isBlank()) {
            violations.add(VAR_REQUEST_REASON, "必须说明申请原因 (required)");
        }
        violations.throwIfAny();
        return requestVisit(actor, new ExtraVisitRequest(policyId, reason));
    }

    /**
     * The policies the actor may ask an extra visit for (its start form's pick-list): in force today, with a
     * registered service team, of a project the actor builds or of its county (the whole city for the bureau).
     */
    @Transactional(readOnly = true)
    public List<RequestablePolicy> requestablePolicies(Actor actor) {
        List<RequestablePolicy> result = new ArrayList<>();
        for (ServiceTeamRegistration registration : teams.registered()) {
            Project project = projects.require(registration.projectId());
            boolean builder = actor.organizationIds(Role.BUILDER).contains(project.constructionUnitId());
            boolean county = actor.countyCodes().contains(project.jurisdictionCode());
            if (!builder && !county && !actor.seesWholeCity()) {
                continue;
            }
            underwriting.findPolicy(registration.policyId()).filter(policy -> policy.coversDay(now().toLocalDate()))
                    .ifPresent(policy -> result.add(new RequestablePolicy(policy.policyNumber(), project.code(),
                            project.name(), jurisdictions.require(project.jurisdictionCode()).name(),
                            organizations.require(registration.serviceOrgId()).name())));
        }
        result.sort(java.util.Comparator.comparing(RequestablePolicy::projectCode));
        return result;
    }

    /** An entry of the extra-visit start form's pick-list. */
    public record RequestablePolicy(String policyNumber, String projectCode, String projectName, String countyName,
            String serviceOrgName) {
    }

    /**
     * What a visit's tasks show (#12): the visit, its project and site, the policy, the service organization
     * and the registered prevention team whose members the visit record ticks off (N8.2); for whoever may
     * see the visit.
     */
    @Transactional(readOnly = true)
    public VisitContext context(Actor actor, long visitId) {
        Visit visit = get(actor, visitId);
        Project project = projects.require(visit.projectId());
        return new VisitContext(visit, project.code(), project.name(), project.siteAddress(),
                jurisdictions.require(project.jurisdictionCode()).name(),
                underwriting.policy(visit.policyId()).policyNumber(),
                organizations.require(visit.serviceOrgId()).name(),
                organizations.require(visit.constructionUnitId()).name(),
                visit.kind() == VisitKind.REGULAR ? "第 " + visit.seq() + " 次定期服务" : "加派服务",
                teams.require(visit.policyId()).preventionTeam());
    }

    /** A visit with what its task forms show beside it. */
    public record VisitContext(Visit visit, String projectCode, String projectName, String siteAddress,
            String countyName, String policyNumber, String serviceOrgName, String constructionUnitName,
            String visitLabel, List<PreventionMember> team) {
    }

    /** {@code POST /api/visits/requests}: {@link #requestVisit}, then the visit's instance starts and the service organization gets the task. */
    @Transactional
    public Visit requestExtra(Actor actor, @Valid ExtraVisitRequest request) {
        Visit visit = require(requestVisit(actor, request).visitId());
        start(visit);
        return visit;
    }

    // --- the visit record ------------------------------------------------------------------------

    /**
     * The one door of {@code UserTask_RecordVisit}: the registered team records the visit or the site's
     * refusal. The Tasklist's complete listener and {@link #record} end here.
     */
    @Transactional
    public VisitRecorded recordVisit(Actor actor, long visitId, VisitRecordRequest request) {
        Visit visit = get(actor, visitId);
        requireTeamMember(actor, visit);
        if (visit.status() != VisitStatus.OPEN) {
            throw new ConflictException(null, "该次服务已记录 (the visit is recorded already)");
        }
        if (request.outcome() == null) {
            new FieldViolations().add(VAR_OUTCOME, "服务结果须为 VISITED 或 REFUSED (outcome required)").throwIfAny();
        }
        OffsetDateTime now = now();
        if (request.outcome() == VisitOutcome.REFUSED) {
            if (request.refusalReason() == null || request.refusalReason().isBlank()) {
                new FieldViolations().add("refusalReason", "必须说明现场拒绝或阻挠服务的情况 (reason required, N8.5)")
                        .throwIfAny();
            }
            repository.recordRefused(visit.id(), request.refusalReason().strip(), actor.userId(), now);
            archive.append(new ArchiveRecord(visit.projectId(), ArchiveSubject.VISIT, visit.id(), "VISIT_REFUSED",
                    actor.userId(), "现场拒绝或阻挠服务：" + request.refusalReason().strip()));
            return new VisitRecorded(VisitOutcome.REFUSED, null);
        }
        checkVisited(visit, request, now);
        OffsetDateTime reportDueAt = request.leftAt().plus(properties.reportWithin());
        repository.recordVisited(visit.id(), request.arrivedAt(), request.leftAt(), request.attendees(),
                request.serviceItems(), actor.userId(), now, reportDueAt);
        archive.append(new ArchiveRecord(visit.projectId(), ArchiveSubject.VISIT, visit.id(), "VISIT_RECORDED",
                actor.userId(), "到场 " + format(request.arrivedAt()) + " 至 " + format(request.leftAt()) + "；人员："
                        + String.join("、", request.attendees()) + "；服务事项：" + String.join("；", request.serviceItems())));
        return new VisitRecorded(VisitOutcome.VISITED, reportDueAt);
    }

    /** {@code POST /api/visits/{id}/record}: {@link #recordVisit}, then the task completes with what it decided. */
    @Transactional
    public Visit record(Actor actor, long visitId, @Valid VisitRecordRequest request) {
        VisitRecorded recorded = recordVisit(actor, visitId, request);
        completeTask(actor, visitId, TASK_RECORD_VISIT, recorded);
        return require(visitId);
    }

    /** N8.2: time on site, service items, and the registered project lead plus ≥1 registered service staff on site. */
    private void checkVisited(Visit visit, VisitRecordRequest request, OffsetDateTime now) {
        FieldViolations violations = new FieldViolations();
        if (request.arrivedAt() == null) {
            violations.add("arrivedAt", "必须填写到场时间 (required)");
        }
        if (request.leftAt() == null) {
            violations.add("leftAt", "必须填写离场时间 (required)");
        }
        if (request.arrivedAt() != null && request.leftAt() != null
                && (request.leftAt().isBefore(request.arrivedAt()) || request.leftAt().isAfter(now.plusMinutes(5)))) {
            violations.add("leftAt", "离场时间须晚于到场时间且不晚于现在 (left after arriving and not in the future)");
        }
        if (request.serviceItems().isEmpty()) {
            violations.add("serviceItems", "至少填写 1 项服务事项 (at least one service item)");
        }
        List<PreventionMember> team = teams.require(visit.policyId()).preventionTeam();
        List<String> leads = names(team, TeamRole.PROJECT_LEAD);
        List<String> staff = names(team, TeamRole.SERVICE_STAFF);
        List<String> missing = new ArrayList<>();
        leads.stream().filter(lead -> !request.attendees().contains(lead))
                .forEach(lead -> missing.add("项目负责人「" + lead + "」 (project lead)"));
        if (staff.stream().noneMatch(request.attendees()::contains)) {
            missing.add("至少 1 名登记的服务人员（" + String.join("、", staff) + "） (a registered service staff member)");
        }
        if (!missing.isEmpty()) {
            violations.add("attendees", "到场人员缺少：" + String.join("；", missing) + " (N8.2)");
        }
        violations.throwIfAny();
    }

    private static List<String> names(List<PreventionMember> team, TeamRole role) {
        return team.stream().filter(member -> member.role() == role).map(PreventionMember::name).toList();
    }

    // --- the report ------------------------------------------------------------------------------

    /**
     * The one door of {@code UserTask_UploadReport}: the written report and the hazards; late after
     * {@code reportDueAt} (N8.8). The Tasklist's complete listener and {@link #report} end here.
     */
    @Transactional
    public Visit uploadReport(Actor actor, long visitId, VisitReportRequest request) {
        Visit visit = get(actor, visitId);
        requireTeamMember(actor, visit);
        if (visit.status() != VisitStatus.VISITED) {
            throw new ConflictException(null, "该次服务没有待上传的报告 (no report is awaited for this visit)");
        }
        FieldViolations violations = new FieldViolations();
        files.checkAttachable(actor, request.reportFile(), "reportFile", violations);
        List<String> fileHashes = new ArrayList<>();
        fileHashes.add(request.reportFile());
        for (int i = 0; i < request.hazards().size(); i++) {
            VisitHazard hazard = request.hazards().get(i);
            List<String> missing = new ArrayList<>();
            if (hazard.severity() == null) {
                missing.add("严重程度");
            }
            if (hazard.category() == null) {
                missing.add("类别");
            }
            if (blank(hazard.location())) {
                missing.add("部位");
            }
            if (blank(hazard.description())) {
                missing.add("描述");
            }
            if (blank(hazard.proposedMeasure())) {
                missing.add("整改措施");
            }
            if (!missing.isEmpty()) {
                violations.add("hazards[" + i + "]", "隐患 " + (i + 1) + "：缺少" + String.join("、", missing)
                        + " (category, severity, description, location and proposed measure required)");
            }
            for (String photo : hazard.photos()) {
                files.checkAttachable(actor, photo, "hazards[" + i + "].photos", violations);
                fileHashes.add(photo);
            }
        }
        violations.throwIfAny();
        OffsetDateTime now = now();
        boolean late = now.isAfter(visit.reportDueAt());
        repository.recordReport(visit.id(), request.reportFile(), request.hazards(), late, actor.userId(), now);
        files.attached(FILE_RECORD, visit.id(), fileHashes);
        long major = request.hazards().stream().filter(hazard -> hazard.severity() == HazardSeverity.MAJOR).count();
        archive.append(new ArchiveRecord(visit.projectId(), ArchiveSubject.VISIT, visit.id(), "VISIT_REPORTED",
                actor.userId(), "上传服务报告" + (late || visit.reportLate() ? "（逾期）" : "") + "，隐患 "
                        + request.hazards().size() + " 项（重大 " + major + " 项）", fileHashes));
        return require(visitId);
    }

    /** {@code POST /api/visits/{id}/report}: {@link #uploadReport}, then the task completes. */
    @Transactional
    public Visit report(Actor actor, long visitId, @Valid VisitReportRequest request) {
        uploadReport(actor, visitId, request);
        completeTask(actor, visitId, TASK_UPLOAD_REPORT, require(visitId));
        return require(visitId);
    }

    /**
     * {@code ServiceTask_DistributeReport}: the report goes to the insurer and the construction unit
     * (N8.4) and each hazard starts its rectification; a retry mails nobody twice and raises nothing twice.
     */
    @Transactional
    public void distributeReport(long visitId) {
        Visit visit = require(visitId);
        for (int i = 0; i < visit.hazards().size(); i++) {
            VisitHazard hazard = visit.hazards().get(i);
            if (hazard.hazardId() == null) {
                long hazardId = hazards.raise(new NewHazard(visit.projectId(), visit.policyId(), HazardSource.VISIT,
                        visit.id(), hazard.category(), hazard.severity(), hazard.description(), hazard.location(),
                        hazard.photos(), hazard.proposedMeasure(), visit.serviceOrgId(), visit.reportUploadedBy()));
                repository.setHazardId(visit.id(), i, hazardId);
            }
        }
        Visit raised = require(visitId);
        StringBuilder lines = new StringBuilder();
        raised.hazards().forEach(hazard -> lines.append("    [").append(hazard.severity().label()).append("] ")
                .append(hazard.category().label()).append(" · ").append(hazard.location()).append("：")
                .append(hazard.description()).append("（整改措施：").append(hazard.proposedMeasure()).append("；隐患编号 ")
                .append(hazard.hazardId()).append("）\n"));
        Map<String, Object> extra = new HashMap<>();
        extra.put("visitedAt", format(raised.arrivedAt()) + " 至 " + format(raised.leftAt()));
        extra.put("attendees", String.join("、", raised.attendees()));
        extra.put("serviceItems", String.join("；", raised.serviceItems()));
        extra.put("reportFile", raised.reportFile());
        extra.put("hazardCount", raised.hazards().size());
        extra.put("hazardLines", raised.hazards().isEmpty() ? "    （未发现隐患）\n" : lines.toString());
        extra.put("lateNote", raised.reportLate() ? "本报告逾期上传（N8.8）。" : "");
        notify(NoticeTemplates.VISIT_REPORT, raised, List.of(insurerGroup(raised), builderGroup(raised)), "report", extra);
        archive.append(new ArchiveRecord(raised.projectId(), ArchiveSubject.VISIT, visitId, "VISIT_REPORT_SENT", SYSTEM,
                "服务报告已送保险机构和施工单位；隐患整改已启动 " + raised.hazards().size() + " 项"));
    }

    // --- timers ----------------------------------------------------------------------------------

    /** {@code ServiceTask_RemindVisit}: the visit falls due soon; once. */
    @Transactional
    public void remind(long visitId) {
        Visit visit = require(visitId);
        if (visit.status() == VisitStatus.OPEN) {
            notify(NoticeTemplates.VISIT_DUE_REMINDER, visit, List.of(serviceOrgGroup(visit)), "reminder", Map.of());
        }
    }

    /**
     * {@code ServiceTask_MarkVisitMissed}: due date + grace passed without a record: the visit is marked
     * missed (it counts against the service organization) and the insurer and the county are told.
     */
    @Transactional
    public void markMissed(long visitId) {
        Visit visit = require(visitId);
        if (visit.status() != VisitStatus.OPEN || visit.missed()) {
            return;
        }
        repository.markMissed(visitId);
        archive.append(new ArchiveRecord(visit.projectId(), ArchiveSubject.VISIT, visitId, "VISIT_MISSED", SYSTEM,
                "应于 " + format(visit.dueAt()) + " 前完成的服务逾期未完成，计入服务机构考核"));
        notify(NoticeTemplates.VISIT_MISSED, visit, List.of(insurerGroup(visit), countyGroup(visit)), "missed", Map.of());
    }

    /** {@code ServiceTask_ReportRefusal}: the site refused or prevented the service: insurer and county at once (N8.5). */
    @Transactional
    public void reportRefusal(long visitId) {
        Visit visit = require(visitId);
        notify(NoticeTemplates.VISIT_REFUSED, visit, List.of(insurerGroup(visit), countyGroup(visit)), "refused",
                Map.of("reason", visit.refusalReason(), "recordedAt", format(visit.recordedAt())));
    }

    /** {@code ServiceTask_FlagReportLate}: no report by {@code reportDueAt} (N8.8): flagged, the team and the insurer told. */
    @Transactional
    public void flagReportLate(long visitId) {
        Visit visit = require(visitId);
        if (visit.status() != VisitStatus.VISITED || visit.reportLate()) {
            return;
        }
        repository.markReportLate(visitId);
        archive.append(new ArchiveRecord(visit.projectId(), ArchiveSubject.VISIT, visitId, "VISIT_REPORT_LATE", SYSTEM,
                "服务报告未在 " + format(visit.reportDueAt()) + " 前上传（N8.8）"));
        notify(NoticeTemplates.VISIT_REPORT_LATE, visit, List.of(serviceOrgGroup(visit), insurerGroup(visit)), "report-late",
                Map.of("reportDueAt", format(visit.reportDueAt())));
    }

    // --- county digest (N8.5) --------------------------------------------------------------------

    /**
     * {@code ServiceTask_SendDigests}: each county authority with visits in its area gets the counts of
     * the last {@code anzexian.visit.digest-period}; one digest per county and day (a retry sends none).
     */
    @Transactional
    public void sendDigests() {
        OffsetDateTime to = now();
        OffsetDateTime from = to.minus(properties.digestPeriod());
        for (Jurisdiction county : jurisdictions.counties()) {
            VisitRepository.AreaCounts counts = repository.countsOfArea(county.code(), from, to);
            if (counts.isEmpty()) {
                continue;
            }
            StringBuilder refusals = new StringBuilder();
            for (Visit refused : repository.refusalsOfArea(county.code(), from, to)) {
                refusals.append("    ").append(projects.require(refused.projectId()).name()).append("（")
                        .append(format(refused.recordedAt())).append("）：").append(refused.refusalReason()).append('\n');
            }
            Map<String, Object> model = new HashMap<>();
            model.put("jurisdictionName", county.name());
            model.put("periodStart", format(from));
            model.put("periodEnd", format(to));
            model.put("visited", counts.visited());
            model.put("refused", counts.refused());
            model.put("missed", counts.missed());
            model.put("majorHazards", counts.majorHazards());
            model.put("generalHazards", counts.generalHazards());
            model.put("refusalLines", refusals.isEmpty() ? "    （无）\n" : refusals.toString());
            String reference = "visit-digest:" + county.code();
            notifications.enqueueToGroups(NoticeTemplates.VISIT_DIGEST, List.of(county.authorityGroup()), model, reference,
                    reference + ":" + to.atZoneSameInstant(clock.getZone()).toLocalDate());
        }
    }

    // --- reading ---------------------------------------------------------------------------------

    public Visit get(Actor actor, long visitId) {
        return repository.find(visitId).filter(visit -> maySee(actor, visit))
                .orElseThrow(() -> new NotFoundException("服务记录不存在 (no such visit): " + visitId));
    }

    /**
     * A file of a visit (its report or a hazard photo) for whoever may see the visit: the insurer and
     * the construction unit read the report mailed to them (N8.4), the county its area's.
     */
    public StoredFile file(Actor actor, long visitId, String sha256) {
        Visit visit = get(actor, visitId);
        boolean ofVisit = sha256.equals(visit.reportFile())
                || visit.hazards().stream().anyMatch(hazard -> hazard.photos().contains(sha256));
        return files.find(sha256).filter(file -> ofVisit)
                .orElseThrow(() -> new NotFoundException("该次服务没有此文件 (no such file of the visit): " + sha256));
    }

    /** The bytes of a file {@link #file} allowed. */
    public byte[] content(StoredFile file) {
        return files.content(file.sha256());
    }

    /** The visits of a policy the actor may see, by due date. */
    public List<Visit> ofPolicy(Actor actor, long policyId) {
        return repository.ofPolicy(policyId).stream().filter(visit -> maySee(actor, visit)).toList();
    }

    /** One page of the visits the actor may see matching the filter (default: earliest due first). */
    @Transactional(readOnly = true)
    public PageResult<Visit> list(Actor actor, VisitFilter filter, ListQuery list) {
        VisitRepository.Scope scope = scopeOf(actor);
        if (scope != null && scope.grantsNothing()) {
            return list.result(List.of(), 0);
        }
        OffsetDateTime now = clock.instant().atZone(clock.getZone()).toOffsetDateTime();
        return list.result(repository.find(scope, filter, now, list), repository.count(scope, filter, now));
    }

    /** What a visit list may be sorted by: {@code sort=dueAt,asc}, see {@link SortFields}. */
    public static SortFields sortFields() {
        return VisitRepository.SORT;
    }

    /** All visits the list would page through, in its order, with names, for the Excel export (capped). */
    @Transactional(readOnly = true)
    public List<VisitRow> export(Actor actor, VisitFilter filter, SortQuery sort) {
        VisitRepository.Scope scope = scopeOf(actor);
        if (scope != null && scope.grantsNothing()) {
            return List.of();
        }
        OffsetDateTime now = clock.instant().atZone(clock.getZone()).toOffsetDateTime();
        long total = repository.count(scope, filter, now);
        exports.checkRows(total);
        return rows(repository.find(scope, filter, now, ListQuery.all(total, sort)));
    }

    /** Visits with the names a list page or a sheet shows beside them. */
    @Transactional(readOnly = true)
    public List<VisitRow> rows(List<Visit> visits) {
        RegistryNames.Lookup names = registryNames.lookup();
        OffsetDateTime now = clock.instant().atZone(clock.getZone()).toOffsetDateTime();
        return visits.stream().map(visit -> {
            Project project = names.project(visit.projectId());
            return new VisitRow(visit, stateOf(visit, now), project.code(), project.name(),
                    names.county(visit.jurisdictionCode()), names.organization(visit.serviceOrgId()));
        }).toList();
    }

    /** The list state of a visit (see {@link VisitState}); a late visit is also done, it shows as late. */
    static VisitState stateOf(Visit visit, OffsetDateTime now) {
        return switch (visit.status()) {
            case OPEN -> visit.dueAt().isBefore(now) ? VisitState.MISSED : VisitState.DUE;
            case REFUSED -> VisitState.REFUSED;
            case VISITED, REPORTED -> visit.arrivedAt() != null && visit.arrivedAt().isAfter(visit.dueAt())
                    ? VisitState.LATE : VisitState.DONE;
        };
    }

    /** A visit of a list with its state, project, county and service organization named. */
    public record VisitRow(Visit visit, VisitState state, String projectCode, String projectName, String countyName,
            String serviceOrgName) {
    }

    /** What the actor may see; {@code null} = the whole city. */
    private static VisitRepository.Scope scopeOf(Actor actor) {
        return actor.seesWholeCity() ? null : new VisitRepository.Scope(actor.organizationIds(Role.SERVICE_ORG),
                actor.organizationIds(Role.INSURER), actor.organizationIds(Role.BUILDER), actor.countyCodes());
    }

    /** How many visits a service organization missed (they count against it in the assessment, N9.2). */
    public long missedVisits(long serviceOrgId) {
        return repository.countMissed(serviceOrgId);
    }

    /** A visit for the process and other modules; no access check. */
    public Visit require(long visitId) {
        return repository.find(visitId)
                .orElseThrow(() -> new NotFoundException("服务记录不存在 (no such visit): " + visitId));
    }

    private boolean maySee(Actor actor, Visit visit) {
        return actor.seesWholeCity()
                || actor.organizationIds(Role.SERVICE_ORG).contains(visit.serviceOrgId())
                || actor.organizationIds(Role.INSURER).contains(visit.insurerOrgId())
                || actor.organizationIds(Role.BUILDER).contains(visit.constructionUnitId())
                || actor.countyCodes().contains(visit.jurisdictionCode());
    }

    /** N4.6, N8.6: only the registered service organization records its visits (no subcontracting). */
    private void requireTeamMember(Actor actor, Visit visit) {
        ServiceTeamRegistration registration = teams.require(visit.policyId());
        if (registration.serviceOrgId() == null || registration.serviceOrgId() != visit.serviceOrgId()
                || !actor.isMemberOf(serviceOrgGroup(visit))) {
            throw new ForbiddenException("只有登记的服务机构可以记录本项目的服务 "
                    + "(only the registered service organization records this project's visits, N4.6, N8.6)");
        }
    }

    private Optional<ServiceTeamRegistration> registrationOf(long policyId) {
        try {
            return Optional.of(teams.require(policyId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The policy without a throwing lookup, as this runs inside the registration's transaction. */
    private Optional<Policy> policyOf(Project project, long policyId) {
        return underwriting.policiesOfContract(project.constructionContract().id()).stream()
                .filter(policy -> policy.id() == policyId).findFirst();
    }

    private void completeTask(Actor actor, long visitId, String taskKey, Object recorded) {
        OpenTask task = engine.openTask(KEY, visitId, taskKey)
                .orElseThrow(() -> new ConflictException(null, "该次服务没有对应的待办 (no open task for this visit)"));
        engine.completeRecorded(task, actor, recorded);
    }

    private void notify(String template, Visit visit, List<String> groups, String event, Map<String, Object> extra) {
        Project project = projects.require(visit.projectId());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("projectName", project.name());
        model.put("projectCode", project.code());
        model.put("visitId", visit.id());
        model.put("kind", visit.kind().label());
        model.put("serviceOrgName", organizations.require(visit.serviceOrgId()).name());
        model.put("dueAt", format(visit.dueAt()));
        String reference = "visit:" + visit.id();
        notifications.enqueueToGroups(template, groups, model, reference, reference + ":" + event);
    }

    /** {@code caseSummary} of a visit's instance: 忻府区 · XZ-2026-0001 某某住宅楼 · 第 2 次定期服务 (≤ 120 chars). */
    private String caseSummary(Visit visit) {
        Project project = projects.require(visit.projectId());
        String which = visit.kind() == VisitKind.REGULAR ? "第 " + visit.seq() + " 次定期服务" : "加派服务";
        String summary = jurisdictions.require(project.jurisdictionCode()).name() + " · " + project.code() + " "
                + project.name() + " · " + which;
        return summary.length() <= 120 ? summary : summary.substring(0, 119) + "…";
    }

    private String serviceOrgGroup(Visit visit) {
        return organizations.require(visit.serviceOrgId()).groupId();
    }

    private String insurerGroup(Visit visit) {
        return organizations.require(visit.insurerOrgId()).groupId();
    }

    private String builderGroup(Visit visit) {
        return organizations.require(visit.constructionUnitId()).groupId();
    }

    private String countyGroup(Visit visit) {
        return jurisdictions.require(visit.jurisdictionCode()).authorityGroup();
    }

    private String format(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(clock.getZone()).format(TIME);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
