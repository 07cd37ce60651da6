package org.anzexian.hazard;

import static org.anzexian.hazard.HazardRectificationProcess.*;
import static org.anzexian.platform.engine.Acting.SYSTEM;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveRecord;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.engine.ProcessGateway.OpenTask;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.export.ExportProperties;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.files.StoredFile;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.anzexian.registry.RegistryNames;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.UnderwritingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Hazards and their rectification (N8.8, N8.9). {@link #raise} is the one way in for the modules that
 * find hazards (prevention-service visits, claims' recommendations): it records the hazard, archives the
 * step (N6.4) and starts {@code hazardRectification}, all in the caller's transaction. The process
 * then calls the steps below; every step is archived, and the steps a timer triggers are stamped per
 * rectification round, so a step done twice (a retried job) mails and archives once.
 *
 * <p>Access: a county authority sees its area, an insurer its policies' hazards, a construction unit
 * its own, a service organization those it verifies, the city bureau all. Engine calls run through
 * {@link ProcessGateway} after these checks.
 */
@Service
@Validated
public class HazardService {

    /** The records of this module in the file store: a hazard's photos and evidence. */
    static final String FILE_RECORD = "hazard";

    private final HazardRepository repository;
    private final HazardDeadlines deadlines;
    private final HazardNotices notices;
    private final ProjectService projects;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;
    private final UnderwritingService underwriting;
    private final FileStore files;
    private final ServiceArchive archive;
    private final ProcessGateway engine;
    private final ExportProperties exports;
    private final RegistryNames registryNames;
    private final Clock clock;

    HazardService(HazardRepository repository, HazardDeadlines deadlines, HazardNotices notices, ProjectService projects,
            OrganizationService organizations, JurisdictionService jurisdictions, UnderwritingService underwriting,
            FileStore files, ServiceArchive archive, ProcessGateway engine, ExportProperties exports, RegistryNames registryNames,
            Clock clock) {
        this.repository = repository;
        this.deadlines = deadlines;
        this.notices = notices;
        this.projects = projects;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
        this.underwriting = underwriting;
        this.files = files;
        // the parties of a record read its files and may attach them again (#11)
        files.registerRecords(FILE_RECORD, this::get);
        this.archive = archive;
        this.engine = engine;
        this.exports = exports;
        this.registryNames = registryNames;
        this.clock = clock;
    }

    /**
     * Records a hazard and starts its rectification (message {@value HazardRectificationProcess#MESSAGE_HAZARD_RAISED},
     * business key = hazard id).
     *
     * @return the hazard's id
     */
    @Transactional
    public long raise(@Valid NewHazard hazard) {
        Project project = projects.find(hazard.projectId()).orElse(null);
        if (project == null) {
            new FieldViolations().add("projectId", "项目不存在 (no such project): " + hazard.projectId()).throwIfAny();
        }
        Long insurerOrgId = underwriting.findPolicy(hazard.policyId()).map(Policy::insurerOrgId).orElse(null);
        long id = repository.insert(hazard, project.jurisdictionCode(), project.constructionUnitId(), insurerOrgId,
                now());
        files.attached(FILE_RECORD, id, hazard.photos());
        archive.append(new ArchiveRecord(project.id(), ArchiveSubject.HAZARD, id, "HAZARD_RAISED", hazard.raisedBy(),
                hazard.severity().label() + " · " + hazard.category().label() + " · " + hazard.location() + "："
                        + hazard.description(),
                hazard.photos()));
        engine.startByMessage(MESSAGE_HAZARD_RAISED, id, Map.of(VAR_HAZARD_ID, id, VAR_SEVERITY, hazard.severity().name(),
                VAR_CASE_SUMMARY, caseSummary(project, hazard)));
        return id;
    }

    // --- the process's steps ---------------------------------------------------------------------

    /**
     * Opens the next rectification round (the first, or the one after a rejected rectification) with its
     * dates from DMN {@code hazardDeadline}; returns the round's groups and dates, which the process's tasks
     * and timers read. The current round is kept when it has no verdict yet (a retried step).
     */
    @Transactional
    public OpenRound openRound(long hazardId) {
        Hazard hazard = require(hazardId);
        if (hazard.status() == HazardStatus.CLOSED) {
            throw new IllegalStateException("hazard " + hazardId + " is closed");
        }
        Hazard.Round current = currentRound(hazard);
        boolean next = current == null || "REJECTED".equals(current.verdict());
        int round = next ? hazard.round() + 1 : hazard.round();
        OffsetDateTime openedAt = next ? now() : current.openedAt();
        HazardDeadlines.Dates dates = deadlines.forRound(openedAt, hazard.severity(), hazard.category());
        if (repository.openRound(hazardId, round, openedAt, dates.deadlineAt())) {
            Hazard opened = require(hazardId);
            appendStep(opened, round == 1 ? "RECTIFICATION_OPENED" : "RECTIFICATION_REOPENED", SYSTEM,
                    "第 " + round + " 轮整改，期限 " + notices.format(dates.deadlineAt()), List.of());
            if (round > 1) {
                notices.send(NoticeTemplates.HAZARD_RECTIFICATION_REJECTED, List.of(builderGroup(opened)), opened,
                        projects.requireTitle(hazard.projectId()), "rejected",
                        Map.of("reason", current.verdictReason()));
            }
        }
        return new OpenRound(round, builderGroup(hazard), organizations.require(hazard.verifierOrgId()).groupId(),
                countyGroup(hazard), dates.reminderAt(), dates.deadlineAt(), dates.cityEscalationAt(),
                dates.verificationWithin());
    }

    /** A major hazard is reported at once to the county authority and the insurer (listed supervision, N8.9). */
    @Transactional
    public void reportMajorHazard(long hazardId) {
        Hazard hazard = require(hazardId);
        boolean reported = archive.entriesAbout(ArchiveSubject.HAZARD, hazardId).stream()
                .anyMatch(entry -> "MAJOR_HAZARD_REPORTED".equals(entry.event()));
        if (hazard.severity() != HazardSeverity.MAJOR || reported) {
            return;
        }
        List<String> groups = new ArrayList<>(List.of(countyGroup(hazard)));
        // the archive is read by people (case pages): it names the parties, the notice goes to their groups
        List<String> parties = new ArrayList<>(List.of(jurisdictions.require(hazard.jurisdictionCode()).name() + "住建部门"));
        if (hazard.insurerOrgId() != null) {
            Organization insurer = organizations.require(hazard.insurerOrgId());
            groups.add(insurer.groupId());
            parties.add(insurer.name());
        }
        notices.send(NoticeTemplates.HAZARD_MAJOR_REPORTED, groups, hazard, projects.requireTitle(hazard.projectId()),
                "major", Map.of());
        appendStep(hazard, "MAJOR_HAZARD_REPORTED", SYSTEM, "报告县级住建部门及保险机构：" + String.join("、", parties),
                List.of());
    }

    /** The reminder before the deadline to the construction unit, once per round. */
    @Transactional
    public void remindBuilder(long hazardId, int round) {
        TitledHazard titled = requireTitledWithoutRounds(hazardId);
        Hazard hazard = titled.hazard();
        if (hazard.status() != HazardStatus.OPEN || hazard.round() != round
                || !repository.stampReminded(hazardId, round, now())) {
            return;
        }
        notices.send(NoticeTemplates.HAZARD_RECTIFICATION_REMINDER, List.of(builderGroup(hazard)), hazard,
                titled.project(), "reminder", Map.of());
        appendStep(hazard, "REMINDER_SENT", SYSTEM, "提醒施工单位：整改期限 " + notices.format(hazard.deadlineAt()),
                List.of());
    }

    /**
     * The deadline of the round passed: the county authority of the project's area supervises (its task
     * comes from the process) and is mailed; once per round. The construction unit's task stays open.
     */
    @Transactional
    public void escalateToCounty(long hazardId, int round) {
        HazardRepository.Stamped stamped = stampEscalation(HazardEscalation.COUNTY, hazardId, round);
        if (!stamped.first()) {
            return;
        }
        TitledHazard titled = stamped.titled();
        Hazard hazard = titled.hazard();
        String county = countyGroup(hazard);
        notices.send(NoticeTemplates.HAZARD_OVERDUE, List.of(county), hazard, titled.project(), "county", Map.of());
        appendStep(hazard, "ESCALATED_TO_COUNTY", SYSTEM, "逾期未整改，报县级住建部门督办：" + county, List.of());
    }

    /** Still not rectified a further time after the deadline: the city bureau is called in; once per round. */
    @Transactional
    public void escalateToCity(long hazardId, int round) {
        HazardRepository.Stamped stamped = stampEscalation(HazardEscalation.CITY, hazardId, round);
        if (!stamped.first()) {
            return;
        }
        TitledHazard titled = stamped.titled();
        Hazard hazard = titled.hazard();
        notices.send(NoticeTemplates.HAZARD_ESCALATED_TO_CITY, List.of(PlatformGroups.CITY_BUREAU, countyGroup(hazard)),
                hazard, titled.project(), "city", Map.of());
        appendStep(hazard, "ESCALATED_TO_CITY", SYSTEM, "逾期仍未整改，报市住建局督办", List.of());
    }

    /**
     * The evidence waits longer than the DMN's {@code verificationWithin}: the verifying service
     * organization is chased and the county authority told; once per round. The verification task stays.
     */
    @Transactional
    public void chaseVerification(long hazardId, int round) {
        TitledHazard titled = requireTitledWithoutRounds(hazardId);
        Hazard hazard = titled.hazard();
        String detail = "第 " + round + " 轮整改材料逾期未复核，催办服务机构并告知县级住建部门";
        boolean chased = archive.entriesAbout(ArchiveSubject.HAZARD, hazardId).stream()
                .anyMatch(entry -> "VERIFICATION_OVERDUE".equals(entry.event()) && entry.detail().equals(detail));
        if (hazard.status() != HazardStatus.SUBMITTED || hazard.round() != round || chased) {
            return;
        }
        notices.send(NoticeTemplates.HAZARD_VERIFICATION_OVERDUE,
                List.of(organizations.require(hazard.verifierOrgId()).groupId(), countyGroup(hazard)), hazard,
                titled.project(), "verification-overdue", Map.of());
        appendStep(hazard, "VERIFICATION_OVERDUE", SYSTEM, detail, List.of());
    }

    /**
     * The one door of {@code UserTask_CountySupervision} and {@code UserTask_CitySupervision} (Tasklist only):
     * the county authority of the area, or the city bureau, records its supervision note, archived (N6.4).
     */
    @Transactional
    public void supervise(Actor actor, long hazardId, HazardEscalation level, String note) {
        Hazard hazard = get(actor, hazardId);
        if (!actor.isMemberOf(level == HazardEscalation.CITY ? PlatformGroups.CITY_BUREAU : countyGroup(hazard))) {
            throw new ForbiddenException("只有督办的住建部门可以填写督办意见 (only the supervising authority records the note)");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException(VAR_SUPERVISION_NOTE, "必须填写督办意见 (supervision note required)");
        }
        appendStep(hazard, level + "_SUPERVISION", actor.userId(), note.strip(), List.of());
    }

    /** The hazard is closed: the construction unit, and for a major hazard the county and the insurer, are told. */
    @Transactional
    public void announceClosed(long hazardId) {
        Hazard hazard = require(hazardId);
        if (hazard.status() != HazardStatus.CLOSED) {
            throw new IllegalStateException("hazard " + hazardId + " is " + hazard.status());
        }
        List<String> groups = new ArrayList<>(List.of(builderGroup(hazard)));
        if (hazard.severity() == HazardSeverity.MAJOR) {
            groups.add(countyGroup(hazard));
            if (hazard.insurerOrgId() != null) {
                groups.add(organizations.require(hazard.insurerOrgId()).groupId());
            }
        }
        notices.send(NoticeTemplates.HAZARD_CLOSED, groups, hazard, projects.requireTitle(hazard.projectId()), "closed",
                Map.of("closedAt", notices.format(hazard.closedAt())));
    }

    // --- evidence and verification: one door per task (Tasklist and /api) -----------------------

    /**
     * The one door of {@code UserTask_Rectify}: the construction unit of the project submits its evidence
     * (photos already in the file store). The Tasklist's complete listener and {@link #submitEvidence} end
     * here. A refused submission changes nothing.
     */
    @Transactional
    public Hazard rectify(Actor actor, long hazardId, HazardEvidence evidence) {
        Hazard hazard = get(actor, hazardId);
        if (!actor.isMemberOf(builderGroup(hazard))) {
            throw new ForbiddenException("只有本项目施工单位可以提交整改材料 (only the construction unit submits evidence)");
        }
        FieldViolations violations = new FieldViolations();
        String description = evidence.description() == null ? "" : evidence.description().strip();
        if (description.isEmpty()) {
            violations.add("description", "必须填写整改情况说明 (description required)");
        } else if (description.length() > 2000) {
            violations.add("description", "整改情况说明最多 2000 字 (at most 2000 characters)");
        }
        if (evidence.photos().isEmpty()) {
            violations.add("photos", "至少上传 1 张整改后照片 (at least one photo)");
        }
        for (int i = 0; i < evidence.photos().size(); i++) {
            files.checkAttachable(actor, evidence.photos().get(i), "photos[" + i + "]", violations);
        }
        violations.throwIfAny();
        if (hazard.status() != HazardStatus.OPEN) {
            throw new ConflictException(null, "该隐患当前不在整改中 (the hazard is not awaiting rectification): "
                    + hazard.statusLabel());
        }
        if (repository.recordEvidence(hazard.id(), hazard.round(), description, evidence.photos(), actor.userId(), now())) {
            files.attached(FILE_RECORD, hazard.id(), evidence.photos());
            appendStep(hazard, "EVIDENCE_SUBMITTED", actor.userId(), "第 " + hazard.round() + " 轮整改：" + description,
                    evidence.photos());
        }
        return require(hazardId);
    }

    /** {@code POST /api/hazards/{id}/evidence}: {@link #rectify}, then the construction unit's task completes. */
    @Transactional
    public Hazard submitEvidence(Actor actor, long hazardId, @Valid HazardEvidence evidence) {
        engine.completeRecorded(openTask(hazardId, TASK_RECTIFY), actor, rectify(actor, hazardId, evidence));
        return require(hazardId);
    }

    /**
     * The one door of {@code UserTask_VerifyRectification}: the verifying service organization accepts (the
     * hazard is closed, 销号) or rejects with a reason (back to the construction unit with a new deadline).
     * The Tasklist's complete listener and {@link #verify} end here.
     */
    @Transactional
    public Hazard verifyRectification(Actor actor, long hazardId, HazardVerdict verdict) {
        Hazard hazard = get(actor, hazardId);
        if (!actor.isMemberOf(organizations.require(hazard.verifierOrgId()).groupId())) {
            throw new ForbiddenException("只有负责复核的服务机构可以复核整改 (only the verifying service organization verifies)");
        }
        if (verdict.accepted() == null) {
            throw new InvalidRequestException(VAR_VERDICT, "必须选择复核结论 (choose accept or reject)");
        }
        if (hazard.status() != HazardStatus.SUBMITTED) {
            throw new ConflictException(null, "该隐患没有待复核的整改 (no rectification awaits verification): "
                    + hazard.statusLabel());
        }
        boolean accepted = verdict.accepted();
        if (!accepted && (verdict.reason() == null || verdict.reason().isBlank())) {
            throw new InvalidRequestException("reason", "不通过时必须说明理由 (a rejection needs a reason)");
        }
        String why = verdict.reason() == null ? "" : verdict.reason().strip();
        if (repository.recordVerdict(hazard.id(), hazard.round(), accepted, why, actor.userId(), now())) {
            appendStep(hazard, accepted ? "HAZARD_CLOSED" : "RECTIFICATION_REJECTED", actor.userId(),
                    accepted ? "复核通过，隐患销号" + (why.isEmpty() ? "" : "：" + why) : "复核不通过：" + why, List.of());
        }
        return require(hazardId);
    }

    /**
     * {@code POST /api/hazards/{id}/verification}: {@link #verifyRectification}, then the service
     * organization's task completes with the verdict, which routes the process.
     */
    @Transactional
    public Hazard verify(Actor actor, long hazardId, @Valid HazardVerdict verdict) {
        engine.completeRecorded(openTask(hazardId, TASK_VERIFY), actor, verifyRectification(actor, hazardId, verdict));
        return require(hazardId);
    }

    // --- lookup ------------------------------------------------------------------------------------

    /** The hazard with its rounds, if the actor may see it. */
    @Transactional(readOnly = true)
    public Hazard get(Actor actor, long hazardId) {
        return repository.find(hazardId, now()).filter(hazard -> maySee(actor, hazard))
                .orElseThrow(() -> noSuchHazard(hazardId));
    }

    /** One page of the hazards the actor may see matching the filter (default: earliest deadline first). */
    @Transactional(readOnly = true)
    public PageResult<Hazard> list(Actor actor, HazardFilter filter, ListQuery list) {
        var scope = scopeOf(actor);
        if (scope != null && scope.grantsNothing()) {
            return list.result(List.of(), 0);
        }
        OffsetDateTime now = now();
        return list.result(repository.find(scope, filter, now, list), repository.count(scope, filter, now));
    }

    /** What a hazard list may be sorted by: {@code sort=deadline,asc}, see {@link SortFields}. */
    public static SortFields sortFields() {
        return HazardRepository.SORT;
    }

    /**
     * All hazards the list would page through, in its order, for the Excel export, with the names a sheet
     * shows; refused (400) beyond the export cap.
     */
    @Transactional(readOnly = true)
    public List<HazardRow> export(Actor actor, HazardFilter filter, SortQuery sort) {
        var scope = scopeOf(actor);
        if (scope != null && scope.grantsNothing()) {
            return List.of();
        }
        OffsetDateTime now = now();
        long total = repository.count(scope, filter, now);
        exports.checkRows(total);
        return rows(repository.find(scope, filter, now, ListQuery.all(total, sort)));
    }

    /** Hazards with the names a list page or a sheet shows beside them. */
    @Transactional(readOnly = true)
    public List<HazardRow> rows(List<Hazard> hazards) {
        RegistryNames.Lookup names = registryNames.lookup();
        return hazards.stream().map(hazard -> {
            Project project = names.project(hazard.projectId());
            return new HazardRow(hazard, project.code(), project.name(), names.county(hazard.jurisdictionCode()),
                    names.organization(hazard.constructionUnitId()), names.organization(hazard.verifierOrgId()));
        }).toList();
    }

    /** A hazard of a list with its project, county, construction unit and verifying organization named. */
    public record HazardRow(Hazard hazard, String projectCode, String projectName, String countyName,
            String constructionUnitName, String verifierName) {
    }

    /** What the actor may see; {@code null} = the whole city. */
    private static HazardRepository.Scope scopeOf(Actor actor) {
        return actor.seesWholeCity() ? null : new HazardRepository.Scope(actor.countyCodes(),
                actor.organizationIds(Role.INSURER), actor.organizationIds(Role.BUILDER),
                actor.organizationIds(Role.SERVICE_ORG));
    }

    /**
     * A photo of the hazard or of its evidence, for whoever may see the hazard (the verifying service
     * organization sees the construction unit's photos, the construction unit those of the visit).
     */
    @Transactional(readOnly = true)
    public StoredFile file(Actor actor, long hazardId, String sha256) {
        Hazard hazard = get(actor, hazardId);
        boolean ofHazard = hazard.photos().contains(sha256)
                || hazard.rounds().stream().anyMatch(round -> round.evidenceFiles().contains(sha256));
        return files.find(sha256).filter(found -> ofHazard)
                .orElseThrow(() -> new NotFoundException("该隐患没有此文件 (no such file of the hazard): " + sha256));
    }

    /**
     * What the hazard's tasks show (#12): the hazard with its rounds, its project and site, the construction
     * unit that rectifies, the service organization that verifies, and how late it is; for whoever may see it.
     */
    @Transactional(readOnly = true)
    public HazardContext context(Actor actor, long hazardId) {
        Hazard hazard = get(actor, hazardId);
        Project project = projects.require(hazard.projectId());
        String late = "";
        if (hazard.deadlineAt() != null && hazard.status() != HazardStatus.CLOSED && now().isAfter(hazard.deadlineAt())) {
            java.time.Duration overdue = java.time.Duration.between(hazard.deadlineAt(), now());
            late = "已逾期 " + (overdue.toDays() > 0 ? overdue.toDays() + " 天 " : "") + overdue.toHoursPart() + " 小时";
        }
        return new HazardContext(hazard, project.code(), project.name(), project.siteAddress(),
                jurisdictions.require(project.jurisdictionCode()).name(),
                organizations.require(hazard.constructionUnitId()).name(),
                organizations.require(hazard.verifierOrgId()).name(), late);
    }

    /** A hazard with what its task forms show beside it; {@code lateness} is empty unless it is overdue. */
    public record HazardContext(Hazard hazard, String projectCode, String projectName, String siteAddress,
            String countyName, String constructionUnitName, String verifierName, String lateness) {
    }

    /** {@code caseSummary} of the hazard's instance: 忻府区 · XZ-2026-0001 某某住宅楼 · 重大隐患 · 北侧基坑 (≤ 120 chars). */
    private String caseSummary(Project project, NewHazard hazard) {
        String summary = jurisdictions.require(project.jurisdictionCode()).name() + " · " + project.code() + " "
                + project.name() + " · " + hazard.severity().label() + " · " + hazard.location();
        return summary.length() <= 120 ? summary : summary.substring(0, 119) + "…";
    }

    /** The hazard for the process and other modules; no access check. */
    @Transactional(readOnly = true)
    public Hazard require(long hazardId) {
        return repository.find(hazardId, now()).orElseThrow(() -> noSuchHazard(hazardId));
    }

    /**
     * The hazard without its rounds' history, with its project's title: for the timer steps, which act on the
     * current round only and mail about it.
     */
    private TitledHazard requireTitledWithoutRounds(long hazardId) {
        return repository.findTitledWithoutRounds(hazardId, now()).orElseThrow(() -> noSuchHazard(hazardId));
    }

    /** Stamps the round's escalation once, unless the hazard is closed: see {@link HazardRepository#stampEscalation}. */
    private HazardRepository.Stamped stampEscalation(HazardEscalation level, long hazardId, int round) {
        return repository.stampEscalation(level, hazardId, round, now()).orElseThrow(() -> noSuchHazard(hazardId));
    }

    private static NotFoundException noSuchHazard(long hazardId) {
        return new NotFoundException("隐患不存在 (no such hazard): " + hazardId);
    }

    private static boolean maySee(Actor actor, Hazard hazard) {
        return actor.seesWholeCity()
                || actor.countyCodes().contains(hazard.jurisdictionCode())
                || hazard.insurerOrgId() != null && actor.organizationIds(Role.INSURER).contains(hazard.insurerOrgId())
                || actor.organizationIds(Role.BUILDER).contains(hazard.constructionUnitId())
                || actor.organizationIds(Role.SERVICE_ORG).contains(hazard.verifierOrgId());
    }

    private static Hazard.Round currentRound(Hazard hazard) {
        return hazard.rounds().stream().filter(round -> round.round() == hazard.round()).findFirst().orElse(null);
    }

    private OpenTask openTask(long hazardId, String taskKey) {
        return engine.openTask(KEY, hazardId, taskKey).orElseThrow(() -> new ConflictException(null,
                TASK_RECTIFY.equals(taskKey) ? "该隐患没有待办的整改任务 (no open rectification task)"
                        : "该隐患没有待办的复核任务 (no open verification task)"));
    }

    private void appendStep(Hazard hazard, String event, String actor, String detail, List<String> stepFiles) {
        archive.append(new ArchiveRecord(hazard.projectId(), ArchiveSubject.HAZARD, hazard.id(), event, actor, detail,
                stepFiles));
    }

    private String builderGroup(Hazard hazard) {
        return organizations.require(hazard.constructionUnitId()).groupId();
    }

    private String countyGroup(Hazard hazard) {
        return jurisdictions.require(hazard.jurisdictionCode()).authorityGroup();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Whether a major hazard of the project is not closed yet (an input of DMN {@code visitFrequency}). */
    @Transactional(readOnly = true)
    public boolean hasOpenMajorHazard(long projectId) {
        return repository.hasOpenMajor(projectId);
    }
}
