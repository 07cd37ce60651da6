package org.anzexian.claim;

import static org.anzexian.claim.ClaimHandlingProcess.*;
import static org.anzexian.platform.engine.Acting.SYSTEM;
import static org.anzexian.platform.format.Money.yuan;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveRecord;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.engine.FormValues;
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
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectTitle;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.PolicyStatus;
import org.anzexian.underwriting.UnderwritingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Accident reports and claims (issue 6, N6.5–N6.7). Process {@code claimHandling} (business key =
 * claim id) drives the service times; every state change, its archive entry (N6.4) and its mails
 * happen here, in the step's transaction.
 *
 * <p>Access: the construction unit sees its claims, the insurer its own, a county authority its area,
 * the city bureau all. The construction unit or the policy's insurer (its 24-hour line) reports. Steps
 * of the insurer are done by its members, the documents by the construction unit's. Engine calls run
 * through {@link ProcessGateway} after these checks. There is no way to delete a claim.
 */
@Service
@Validated
public class ClaimService {

    /** The records of this module in the file store: a claim's documents. */
    static final String FILE_RECORD = "claim";

    private final ClaimRepository repository;
    private final ClaimNotices notices;
    private final ClaimServiceLevels serviceLevels;
    private final ClaimProperties properties;
    private final UnderwritingService underwriting;
    private final OrganizationService organizations;
    private final ServiceTeamRegistrationService serviceTeams;
    private final HazardService hazards;
    private final ServiceArchive archive;
    private final FileStore files;
    private final ProjectService projects;
    private final JurisdictionService jurisdictions;
    private final ProcessGateway engine;
    private final ExportProperties exports;
    private final RegistryNames registryNames;
    private final Clock clock;

    ClaimService(ClaimRepository repository, ClaimNotices notices, ClaimServiceLevels serviceLevels,
            ClaimProperties properties, UnderwritingService underwriting, OrganizationService organizations,
            ServiceTeamRegistrationService serviceTeams, HazardService hazards, ServiceArchive archive,
            FileStore files, ProjectService projects, JurisdictionService jurisdictions, ProcessGateway engine,
            ExportProperties exports, RegistryNames registryNames, Clock clock) {
        this.repository = repository;
        this.notices = notices;
        this.serviceLevels = serviceLevels;
        this.properties = properties;
        this.underwriting = underwriting;
        this.organizations = organizations;
        this.serviceTeams = serviceTeams;
        this.hazards = hazards;
        this.archive = archive;
        this.files = files;
        this.projects = projects;
        this.jurisdictions = jurisdictions;
        // the parties of a record read its files and may attach them again (#11)
        files.registerRecords(FILE_RECORD, this::get);
        this.engine = engine;
        this.exports = exports;
        this.registryNames = registryNames;
        this.clock = clock;
    }

    // --- report (N6.5) -----------------------------------------------------------------------------

    /**
     * {@code POST /api/claims}: records the report with the server's time and starts {@code claimHandling}.
     * Refused, changing nothing, when the actor is neither the insured construction unit nor the policy's
     * insurer, or the accident is not within the policy's period.
     */
    @Transactional
    public Claim report(Actor actor, @Valid ClaimReport report) {
        ClaimSteps.Opened opened = record(actor, report, new FieldViolations());
        String instanceId = engine.startRecorded(KEY, opened.claimId(), opened);
        repository.setProcessInstance(opened.claimId(), instanceId);
        return require(opened.claimId());
    }

    /**
     * {@code ServiceTask_RecordReport} for the Tasklist start form: the same checks as {@link #report},
     * every problem of the form in one refusal (the late explanation among them, N6.5); the photos were
     * taken from the form already ({@code photos}, stored files). Returns what the instance needs to know
     * of the new claim (its id becomes the business key, the claim number people see).
     */
    @Transactional
    public ClaimSteps.Opened reportFromStartForm(Actor actor, FormValues form, List<String> photos,
            String processInstanceId) {
        ClaimReport read = ClaimForms.report(form);
        ClaimReport report = new ClaimReport(read.policyNumber(), read.accidentAt(), read.place(), read.accidentType(),
                read.deaths(), read.injuries(), read.description(), read.reporterName(), read.reporterPhone(),
                read.reporterEmail(), read.lateExplanation(), photos);
        form.requiredText(ClaimForms.POLICY_NUMBER, "请选择出险项目的保单 (required)");
        form.requiredText(ClaimForms.ACCIDENT_AT, "必须填写事故发生时间 (required)");
        form.requiredText(ClaimForms.PLACE, "必须填写事故发生部位 (required)");
        form.requiredText(ClaimForms.ACCIDENT_TYPE, "必须选择事故类型 (required)");
        form.requiredText(ClaimForms.DESCRIPTION, "必须填写事故经过 (required)");
        form.requiredText(ClaimForms.REPORTER_NAME, "必须填写报案人 (required)");
        form.requiredText(ClaimForms.REPORTER_PHONE, "必须填写联系电话 (required)");
        if (report.deaths() < 0 || report.injuries() < 0) {
            form.problem(ClaimForms.DEATHS, "死亡、受伤人数不能为负数 (must be >= 0)");
        }
        FieldViolations violations = new FieldViolations();
        try {
            form.throwIfInvalid();
        } catch (InvalidRequestException unreadable) {
            unreadable.fieldErrors().forEach(error -> violations.add(error.field(), error.message()));
        }
        ClaimSteps.Opened opened = record(actor, report, violations);
        repository.setProcessInstance(opened.claimId(), processInstanceId);
        return opened;
    }

    /**
     * {@code ServiceTask_RecordReport} for a report recorded already, when it was not handed to the start
     * ({@link #report} hands it): what the instance needs.
     */
    @Transactional(readOnly = true)
    public ClaimSteps.Opened opened(long claimId) {
        Claim claim = require(claimId);
        return new ClaimSteps.Opened(claimId, insurerGroup(claim),
                organizations.require(claim.constructionUnitId()).groupId(), claim.acknowledgementDueAt(),
                properties.documentsReminderCycle(), caseSummary(claim));
    }

    /**
     * Checks the report, adding to the problems found already ({@code violations}), and refuses with all
     * of them at once; a missing policy or accident time skips the checks that need it.
     */
    private ClaimSteps.Opened record(Actor actor, ClaimReport report, FieldViolations violations) {
        OffsetDateTime now = now();
        boolean late = false;
        if (report.accidentAt() != null && report.accidentAt().isAfter(now)) {
            violations.add("accidentAt", "事故发生时间不能晚于报案时间 (the accident cannot be in the future)");
        } else if (report.accidentAt() != null) {
            // whole minutes: 24 hours and one minute is late, 24 hours and some seconds is not
            late = now.truncatedTo(ChronoUnit.MINUTES)
                    .isAfter(report.accidentAt().truncatedTo(ChronoUnit.MINUTES).plus(properties.reportWindow()));
            if (late && (report.lateExplanation() == null || report.lateExplanation().isBlank())) {
                violations.add("lateExplanation", "事故发生已超过 " + properties.reportWindow().toHours()
                        + " 小时才报案，必须填写迟报原因（N6.5） (reported late: explain why)");
            }
        }
        Policy policy = report.policyNumber() == null ? null
                : underwriting.policyByNumber(report.policyNumber()).orElse(null);
        if (policy == null) {
            if (report.policyNumber() != null) {
                violations.add("policyNumber", "保单不存在 (no such policy): " + report.policyNumber());
            }
            violations.throwIfAny();
            throw new InvalidRequestException("policyNumber", "请选择出险项目的保单 (required)");
        }
        Map<Long, Organization> parties = organizations.requireAll(List.of(policy.insurerOrgId(), policy.buyerOrgId()));
        Organization insurer = parties.get(policy.insurerOrgId());
        Organization builder = parties.get(policy.buyerOrgId());
        boolean byInsurer = actor.isMemberOf(insurer.groupId());
        if (!byInsurer && !actor.isMemberOf(builder.groupId())) {
            throw new ForbiddenException("只有投保的施工单位或承保的保险机构（24小时报案电话代录）可以报案"
                    + " (only the insured construction unit or the policy's insurer reports, N6.5)");
        }
        if (report.accidentAt() != null && !report.accidentAt().isAfter(now)) {
            LocalDate day = report.accidentAt().atZoneSameInstant(clock.getZone()).toLocalDate();
            if (policy.status() != PolicyStatus.ISSUED) {
                violations.add("policyNumber", "保单" + policy.status().label() + "，不在保险期间内 (the policy is "
                        + policy.status().name().toLowerCase() + ")");
            } else if (!policy.coversDay(day)) {
                violations.add("accidentAt", "事故发生时间 " + day + " 不在该项目有效保单的保险期间（" + policy.policyStart()
                        + " 至 " + policy.policyEnd() + "）内，不予受理 (the accident is outside the policy period)");
            }
        }
        for (int i = 0; i < report.photos().size(); i++) {
            files.checkAttachable(actor, report.photos().get(i), "photos[" + i + "]", violations);
        }
        violations.throwIfAny();
        OffsetDateTime acknowledgementDue = serviceLevels.acknowledgementDue(now, report.deaths(), report.injuries());
        ReportChannel channel = byInsurer ? ReportChannel.PHONE : ReportChannel.ONLINE;
        long id = repository.insert(new ClaimRepository.NewClaim(policy.id(), policy.policyNumber(), policy.projectId(),
                insurer.id(), builder.id(), policy.jurisdictionCode(), report, now, channel, actor.userId(), late,
                acknowledgementDue));
        files.attached(FILE_RECORD, id, report.photos());
        // from the report as stored (stripped), not read back: the claim was written a statement ago
        archive.append(new ArchiveRecord(policy.projectId(), ArchiveSubject.CLAIM, id, "CLAIM_REPORTED", actor.userId(),
                clip(channel.label() + " · " + report.accidentType().label() + " · " + report.place().strip() + " · 死亡 "
                        + report.deaths() + " 人，受伤 " + report.injuries() + " 人"
                        + (late ? " · 迟报：" + report.lateExplanation().strip() : "") + "："
                        + report.description().strip()),
                report.photos()));
        return new ClaimSteps.Opened(id, insurer.groupId(), builder.groupId(), acknowledgementDue,
                properties.documentsReminderCycle(), caseSummary(projects.requireTitle(policy.projectId()), report.accidentAt(),
                        report.accidentType(), report.deaths(), report.injuries(), late, ""));
    }

    /**
     * {@code ServiceTask_AnnounceReport}: the insurer's claims team learns of the claim; a late report
     * goes to the county authority, an accident with deaths to the county and the city bureau (N6.5).
     */
    @Transactional
    public void announceReport(long claimId) {
        Claim claim = require(claimId);
        notices.toGroups(NoticeTemplates.CLAIM_REPORTED, claim, List.of(insurerGroup(claim)), Map.of(), "reported");
        String county = PlatformGroups.county(claim.jurisdictionCode());
        List<String> told = new ArrayList<>();
        if (claim.late()) {
            notices.toGroups(NoticeTemplates.CLAIM_REPORTED_LATE, claim, List.of(county),
                    Map.of("lateExplanation", claim.lateExplanation()), "late");
            told.add("迟报已告知县级住建部门");
        }
        if (claim.deaths() > 0) {
            notices.toGroups(NoticeTemplates.CLAIM_FATAL_ACCIDENT, claim, List.of(county, PlatformGroups.CITY_BUREAU),
                    Map.of(), "fatal");
            told.add("死亡事故已报告县级住建部门和市住建局");
        }
        if (!told.isEmpty()) {
            archive(claim, "AUTHORITIES_NOTIFIED", SYSTEM, String.join("；", told));
        }
    }

    // --- steps of people: one method per user task, for the Tasklist form and /api --------------------
    //
    // Each recordX checks who acts, validates and records the step of its user task and returns what the
    // process needs to route on. The task's complete listener (ClaimHandlingDelegates) reads the form and
    // calls it; /api calls it through apiStep, which then completes the task with what was recorded, so the
    // listener records nothing again (Acting.recordedForApi).

    /** {@code POST /api/claims/{id}/acknowledgement}: {@link #recordAcknowledgement}, then the task completes. */
    @Transactional
    public Claim acknowledge(Actor actor, long claimId, @Valid ClaimSteps.Acknowledgement step) {
        return apiStep(actor, claimId, TASK_ACKNOWLEDGE, this::byInsurer, () -> recordAcknowledgement(actor, claimId, step));
    }

    /** {@code POST /api/claims/{id}/survey}: {@link #recordSurvey}, then the task completes. */
    @Transactional
    public Claim survey(Actor actor, long claimId, @Valid ClaimSteps.Survey step) {
        return apiStep(actor, claimId, TASK_SURVEY, this::byInsurer, () -> recordSurvey(actor, claimId, step));
    }

    /** {@code POST /api/claims/{id}/documents}: {@link #recordDocuments}, then the task completes. */
    @Transactional
    public Claim provideDocuments(Actor actor, long claimId, @Valid ClaimSteps.DocumentSubmission step) {
        return apiStep(actor, claimId, TASK_PROVIDE_DOCUMENTS, this::byConstructionUnit,
                () -> recordDocuments(actor, claimId, step));
    }

    /** {@code POST /api/claims/{id}/documents-review}: {@link #recordDocumentReview}, then the task completes. */
    @Transactional
    public Claim reviewDocuments(Actor actor, long claimId, @Valid ClaimSteps.DocumentReview step) {
        return apiStep(actor, claimId, TASK_REVIEW_DOCUMENTS, this::byInsurer,
                () -> recordDocumentReview(actor, claimId, step));
    }

    /** {@code POST /api/claims/{id}/decision}: {@link #recordDecision}, then the task completes. */
    @Transactional
    public Claim decide(Actor actor, long claimId, @Valid ClaimSteps.Decision step) {
        return apiStep(actor, claimId, TASK_DECIDE, this::byInsurer, () -> recordDecision(actor, claimId, step));
    }

    /** {@code POST /api/claims/{id}/payment}: {@link #recordPayment}, then the task completes. */
    @Transactional
    public Claim pay(Actor actor, long claimId, @Valid ClaimSteps.Payment step) {
        return apiStep(actor, claimId, TASK_RECORD_PAYMENT, this::byInsurer, () -> recordPayment(actor, claimId, step));
    }

    /** {@code POST /api/claims/{id}/recommendations}: {@link #recordRecommendations}, then the task completes. */
    @Transactional
    public Claim recommend(Actor actor, long claimId, @Valid ClaimSteps.Recommendations step) {
        return apiStep(actor, claimId, TASK_WRITE_RECOMMENDATIONS, this::byInsurer,
                () -> recordRecommendations(actor, claimId, step));
    }

    /** Who may act first (403), then the open task (409), then the step's own method, then the completion. */
    private Claim apiStep(Actor actor, long claimId, String taskKey, BiFunction<Actor, Long, Claim> access,
            Supplier<?> step) {
        Claim claim = access.apply(actor, claimId);
        ProcessGateway.OpenTask task = engine.openTask(KEY, claim.id(), taskKey)
                .orElseThrow(() -> new ConflictException(null, "该报案当前没有此待办步骤 (the claim has no open task "
                        + taskKey + "; it is " + claim.status().label() + ")"));
        engine.completeRecorded(task, actor, step.get());
        return require(claim.id());
    }

    private Claim byInsurer(Actor actor, long claimId) {
        Claim claim = get(actor, claimId);
        if (!actor.isMemberOf(insurerGroup(claim))) {
            throw new ForbiddenException("只有承保的保险机构可以办理此步骤 (only the claim's insurer does this step)");
        }
        return claim;
    }

    private Claim byConstructionUnit(Actor actor, long claimId) {
        Claim claim = get(actor, claimId);
        if (!actor.isMemberOf(organizations.require(claim.constructionUnitId()).groupId())) {
            throw new ForbiddenException("只有出险的施工单位可以提交索赔材料 (only the construction unit provides documents)");
        }
        return claim;
    }

    /** {@code UserTask_Acknowledge} (N6.5): the claim procedure and the documents needed, for the reporter. */
    @Transactional
    public Claim recordAcknowledgement(Actor actor, long claimId, ClaimSteps.Acknowledgement step) {
        Claim claim = byInsurer(actor, claimId);
        requireStatus(claim, Set.of(ClaimStatus.REPORTED));
        FieldViolations violations = new FieldViolations();
        String procedure = required(violations, ClaimForms.CLAIM_PROCEDURE, step.claimProcedure(), "必须填写理赔流程 (required)");
        String documents = required(violations, ClaimForms.REQUIRED_DOCUMENTS, step.requiredDocuments(),
                "必须填写索赔材料清单 (required)");
        violations.throwIfAny();
        OffsetDateTime now = now();
        repository.acknowledge(claim.id(), procedure, documents, actor.userId(), now);
        archive(claim, "CLAIM_ACKNOWLEDGED", actor.userId(), (now.isAfter(claim.acknowledgementDueAt()) ? "超时受理" : "按时受理")
                + "；索赔材料清单：" + documents);
        return require(claimId);
    }

    /** {@code UserTask_Survey}: findings, cause and the estimated loss. */
    @Transactional
    public Claim recordSurvey(Actor actor, long claimId, ClaimSteps.Survey step) {
        Claim claim = byInsurer(actor, claimId);
        FieldViolations violations = new FieldViolations();
        String findings = required(violations, ClaimForms.SURVEY_FINDINGS, step.surveyFindings(), "必须填写查勘情况 (required)");
        String cause = required(violations, ClaimForms.ACCIDENT_CAUSE, step.accidentCause(), "必须填写事故原因 (required)");
        BigDecimal loss = step.estimatedLoss();
        if (loss == null || loss.signum() < 0) {
            violations.add(ClaimForms.ESTIMATED_LOSS, "必须填写估损金额，不能为负数 (required, >= 0)");
        }
        violations.throwIfAny();
        repository.survey(claim.id(), findings, cause, loss, actor.userId(), now());
        archive(claim, "CLAIM_SURVEYED", actor.userId(), "事故原因：" + cause + "；估损 " + loss.toPlainString() + " 元；"
                + findings);
        return require(claimId);
    }

    /** {@code UserTask_ProvideDocuments}: the construction unit's description and stored files. */
    @Transactional
    public Claim recordDocuments(Actor actor, long claimId, ClaimSteps.DocumentSubmission step) {
        Claim claim = byConstructionUnit(actor, claimId);
        FieldViolations violations = new FieldViolations();
        String provided = required(violations, ClaimForms.DOCUMENTS_PROVIDED, step.documentsProvided(),
                "必须说明提交的材料 (required)");
        List<String> documents = (step.documentFiles() == null ? List.<String>of() : step.documentFiles()).stream()
                .filter(Objects::nonNull).flatMap(line -> List.of(line.strip().split("[\\s,，;；]+")).stream())
                .filter(hash -> !hash.isBlank()).toList();
        documents.forEach(hash -> files.checkAttachable(actor, hash, ClaimForms.DOCUMENT_FILES, violations));
        violations.throwIfAny();
        repository.addDocumentRound(claim.id(), "SUBMISSION", provided, documents, actor.userId(), now());
        files.attached(FILE_RECORD, claim.id(), documents);
        archive(claim, "CLAIM_DOCUMENTS_PROVIDED", actor.userId(), provided, documents);
        return require(claimId);
    }

    /** {@code UserTask_ReviewDocuments}: complete (the decision period starts) or more documents needed. */
    @Transactional
    public ClaimSteps.DocumentsReviewed recordDocumentReview(Actor actor, long claimId, ClaimSteps.DocumentReview step) {
        Claim claim = byInsurer(actor, claimId);
        requireStatus(claim, Set.of(ClaimStatus.ACKNOWLEDGED));
        OffsetDateTime now = now();
        if (step.documentsComplete()) {
            OffsetDateTime due = now.plus(properties.decisionPeriod());
            repository.documentsComplete(claim.id(), now, due);
            archive(claim, "CLAIM_DOCUMENTS_COMPLETE", actor.userId(), "索赔材料齐全，核定期限至 " + notices.time(due));
            return new ClaimSteps.DocumentsReviewed(true, now.plus(properties.decisionReminder()), due);
        }
        FieldViolations violations = new FieldViolations();
        String more = required(violations, ClaimForms.MORE_DOCUMENTS, step.moreDocuments(),
                "材料不齐全时须写明需补充的材料 (say which documents are missing)");
        violations.throwIfAny();
        repository.addDocumentRound(claim.id(), "REQUEST", more, List.of(), actor.userId(), now);
        archive(claim, "CLAIM_DOCUMENTS_REQUESTED", actor.userId(), "需补充材料：" + more);
        return new ClaimSteps.DocumentsReviewed(false, null, null);
    }

    /**
     * {@code UserTask_Decide} through {@code /api}: covered or not; when covered, each person's amount
     * within the per-person limit and the sum within what is left of the total.
     */
    @Transactional
    public ClaimSteps.Decided recordDecision(Actor actor, long claimId, ClaimSteps.Decision step) {
        return recordDecision(actor, claimId, step, new FieldViolations());
    }

    /**
     * {@code UserTask_Decide} in the Tasklist: the form's payee rows ({@link ClaimForms#decision}), every
     * problem of the form and of its content in one refusal.
     */
    @Transactional
    public ClaimSteps.Decided recordDecision(Actor actor, long claimId, FormValues form) {
        return recordDecision(actor, claimId, ClaimForms.decision(form), form.violations());
    }

    private ClaimSteps.Decided recordDecision(Actor actor, long claimId, ClaimSteps.Decision step,
            FieldViolations violations) {
        Claim claim = byInsurer(actor, claimId);
        requireStatus(claim, Set.of(ClaimStatus.DOCUMENTS_COMPLETE));
        boolean covered = step.covered();
        String reason = stripped(step.decisionReason());
        List<ClaimSteps.Payee> payees = covered && step.payees() != null ? step.payees() : List.of();
        BigDecimal amount = null;
        if (!covered) {
            if (reason == null) {
                violations.add(ClaimForms.DECISION_REASON, "不予赔付须说明理由 (a refusal needs its reason)");
            }
        } else {
            Policy policy = underwriting.policy(claim.policyId());
            checkPayees(payees, policy.deathDisabilityLimit(), violations);
            amount = payees.stream().map(ClaimSteps.Payee::amount).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal remaining = policy.totalLimit().subtract(repository.agreedOnPolicy(policy.id(), claim.id()));
            if (amount.compareTo(remaining) > 0) {
                violations.add(ClaimForms.PAYEES, "核定总额 " + yuan(amount) + " 超过保单累计责任限额的剩余额度 "
                        + yuan(remaining) + "（累计限额 " + yuan(policy.totalLimit())
                        + "），不予核定 (above the policy's total limit)");
            }
        }
        violations.throwIfAny();
        OffsetDateTime now = now();
        OffsetDateTime paymentDue = covered ? now.plus(properties.paymentPeriod()) : null;
        repository.decide(claim.id(), covered, reason, amount, payees, actor.userId(), now, paymentDue);
        archive(claim, "CLAIM_DECIDED", actor.userId(), decisionText(require(claim.id())));
        return new ClaimSteps.Decided(covered, covered ? now.plus(properties.paymentReminder()) : null, paymentDue);
    }

    /**
     * Each row names one person once with an amount above 0 and within the per-person limit (a person
     * split over two rows would pass the limit twice); every broken rule is named with its row.
     */
    private static void checkPayees(List<ClaimSteps.Payee> payees, BigDecimal perPersonLimit,
            FieldViolations violations) {
        if (payees.isEmpty()) {
            violations.add(ClaimForms.PAYEES, "予以赔付须逐人填写姓名和核定金额 (the amount per person is required)");
        }
        Map<String, Integer> rowOfName = new HashMap<>();
        for (int i = 0; i < payees.size(); i++) {
            ClaimSteps.Payee payee = payees.get(i);
            String row = "收款人第 " + (i + 1) + " 行" + (payee.name() == null ? "" : "（" + payee.name() + "）") + "：";
            String field = ClaimForms.PAYEES + "[" + i + "]";
            if (payee.name() == null || payee.name().isBlank()) {
                violations.add(field + ".name", row + "必须填写姓名 (name required)");
            } else if (payee.name().strip().length() > 64) {
                violations.add(field + ".name", row + "姓名不超过 64 字 (at most 64 characters)");
            } else {
                Integer first = rowOfName.putIfAbsent(payee.name().strip(), i + 1);
                if (first != null) {
                    violations.add(field + ".name", row + "已在第 " + first
                            + " 行填写，每人只填一行，每人限额按人计算 (one row per person)");
                }
            }
            if (payee.amount() == null) {
                if (!violations.has(field + ".amount")) {
                    violations.add(field + ".amount", row + "必须填写核定金额 (amount required)");
                }
            } else if (payee.amount().signum() <= 0) {
                violations.add(field + ".amount", row + "核定金额须大于 0 (must be > 0)");
            } else if (payee.amount().stripTrailingZeros().scale() > 2) {
                violations.add(field + ".amount", row + "核定金额最多两位小数（分） (at most two decimals)");
            } else if (payee.amount().compareTo(perPersonLimit) > 0) {
                violations.add(field + ".amount", row + "核定金额 " + yuan(payee.amount()) + " 超过保单每人伤亡责任限额 "
                        + yuan(perPersonLimit) + "，不予核定 (above the per-person limit)");
            }
        }
    }

    /** {@code UserTask_RecordPayment} (N6.6, N6.7): the agreed amount in full, paid by today. */
    @Transactional
    public Claim recordPayment(Actor actor, long claimId, ClaimSteps.Payment step) {
        Claim claim = byInsurer(actor, claimId);
        requireStatus(claim, Set.of(ClaimStatus.AGREED));
        FieldViolations violations = new FieldViolations();
        BigDecimal paid = step.paidAmount();
        LocalDate paidOn = step.paidOn();
        String reference = required(violations, ClaimForms.PAYMENT_REFERENCE, step.paymentReference(),
                "必须填写支付凭证号 (required)");
        if (paid == null || paid.compareTo(claim.agreedAmount()) != 0) {
            violations.add(ClaimForms.PAID_AMOUNT, "赔款须按核定金额 " + claim.agreedAmount().toPlainString()
                    + " 元足额支付 (N6.7: pay the agreed amount in full)");
        }
        if (paidOn == null) {
            violations.add(ClaimForms.PAID_ON, "必须填写支付日期 (required)");
        } else if (paidOn.isAfter(LocalDate.now(clock))) {
            violations.add(ClaimForms.PAID_ON, "支付日期不能晚于今天 (cannot be in the future)");
        }
        violations.throwIfAny();
        repository.pay(claim.id(), paid, paidOn, reference, actor.userId(), now());
        archive(claim, "CLAIM_PAID", actor.userId(), "赔款 " + paid.toPlainString() + " 元，" + paidOn + "，凭证号 " + reference);
        return require(claimId);
    }

    /** {@code UserTask_WriteRecommendations} (N6.7): at least one risk control and one training item. */
    @Transactional
    public ClaimSteps.RecommendationsWritten recordRecommendations(Actor actor, long claimId,
            ClaimSteps.Recommendations step) {
        Claim claim = byInsurer(actor, claimId);
        requireStatus(claim, Set.of(ClaimStatus.PAID));
        Map<RecommendationKind, List<String>> items = Map.of(
                RecommendationKind.RISK_CONTROL, items(step.riskControl()),
                RecommendationKind.RECTIFICATION, items(step.rectification()),
                RecommendationKind.TRAINING, items(step.training()));
        FieldViolations violations = new FieldViolations();
        if (items.get(RecommendationKind.RISK_CONTROL).isEmpty()) {
            violations.add(ClaimForms.RISK_CONTROL, "至少提出 1 条风险管控建议 (at least one, N6.7)");
        }
        if (items.get(RecommendationKind.TRAINING).isEmpty()) {
            violations.add(ClaimForms.TRAINING, "至少提出 1 条安全培训建议 (at least one, N6.7)");
        }
        items.forEach((kind, lines) -> lines.stream().filter(line -> line.length() > 2000).findFirst()
                .ifPresent(line -> violations.add(kind.name(), "每条建议不超过 2000 字 (at most 2000 characters)")));
        violations.throwIfAny();
        OffsetDateTime now = now();
        for (RecommendationKind kind : RecommendationKind.values()) {
            List<String> lines = items.get(kind);
            for (int i = 0; i < lines.size(); i++) {
                repository.addRecommendation(claim.id(), kind, i + 1, lines.get(i), actor.userId(), now);
            }
        }
        repository.close(claim.id(), now);
        archive(claim, "CLAIM_RECOMMENDATIONS", actor.userId(), recommendationText(require(claim.id())));
        return new ClaimSteps.RecommendationsWritten(step.raiseHazards());
    }

    /** The items, stripped, without blank ones (a form sends one per line). */
    private static List<String> items(List<String> items) {
        return items == null ? List.of()
                : items.stream().map(ClaimService::stripped).filter(Objects::nonNull).toList();
    }

    private static String required(FieldViolations violations, String field, String value, String problem) {
        String text = stripped(value);
        if (text == null) {
            violations.add(field, problem);
        }
        return text;
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // --- steps of the process ----------------------------------------------------------------------

    /** {@code ServiceTask_SendAcknowledgement}: the claim procedure and the documents needed go to the reporter (N6.5). */
    @Transactional
    public void sendAcknowledgement(long claimId) {
        Claim claim = require(claimId);
        notices.toReporter(NoticeTemplates.CLAIM_ACKNOWLEDGED, claim, Map.of("claimProcedure", claim.claimProcedure(),
                "requiredDocuments", claim.requiredDocuments()), "acknowledged");
    }

    /** {@code ServiceTask_RequestMoreDocuments}: the construction unit is told what is missing. */
    @Transactional
    public void requestMoreDocuments(long claimId) {
        Claim claim = require(claimId);
        Claim.DocumentRound request = claim.documents().stream().filter(round -> "REQUEST".equals(round.kind()))
                .reduce((first, second) -> second).orElseThrow();
        notices.toReporter(NoticeTemplates.CLAIM_MORE_DOCUMENTS, claim, Map.of("moreDocuments", request.text()),
                "more-documents:" + request.id());
    }

    /** {@code ServiceTask_RemindDocuments}: the construction unit is reminded of the documents, once per cycle. */
    @Transactional
    public void remindDocuments(long claimId) {
        Claim claim = require(claimId);
        long sent = archive.entriesAbout(ArchiveSubject.CLAIM, claimId).stream()
                .filter(entry -> "CLAIM_DOCUMENTS_REMINDER".equals(entry.event())).count();
        notices.toReporter(NoticeTemplates.CLAIM_DOCUMENTS_REMINDER, claim,
                Map.of("requiredDocuments", String.valueOf(claim.requiredDocuments())),
                "documents-reminder:" + (sent + 1));
        archive(claim, "CLAIM_DOCUMENTS_REMINDER", SYSTEM, "第 " + (sent + 1) + " 次提醒施工单位提交索赔材料");
    }

    /** {@code ServiceTask_RemindDecision}: the insurer is reminded of the decision's due date. */
    @Transactional
    public void remindDecision(long claimId) {
        Claim claim = require(claimId);
        notices.toGroups(NoticeTemplates.CLAIM_DECISION_REMINDER, claim, List.of(insurerGroup(claim)),
                Map.of("dueAt", notices.time(claim.decisionDueAt())), "decision-reminder");
        archive(claim, "CLAIM_DECISION_REMINDER", SYSTEM, "提醒保险机构于 " + notices.time(claim.decisionDueAt())
                + " 前作出核定");
    }

    /** {@code ServiceTask_RemindPayment}: the insurer is reminded of the payment's due date. */
    @Transactional
    public void remindPayment(long claimId) {
        Claim claim = require(claimId);
        notices.toGroups(NoticeTemplates.CLAIM_PAYMENT_REMINDER, claim, List.of(insurerGroup(claim)),
                paymentModel(claim), "payment-reminder");
        archive(claim, "CLAIM_PAYMENT_REMINDER", SYSTEM, "提醒保险机构于 " + notices.time(claim.paymentDueAt())
                + " 前支付赔款");
    }

    /**
     * {@code ServiceTask_EscalateAcknowledgement}: the breach is recorded against the insurer and the
     * insurer and its head office (its claims management) are told.
     */
    @Transactional
    public void escalateAcknowledgement(long claimId) {
        Claim claim = require(claimId);
        List<String> groups = new ArrayList<>(List.of(insurerGroup(claim)));
        Organization insurer = organizations.require(claim.insurerOrgId());
        if (insurer.parentId() != null) {
            organizations.find(insurer.parentId()).map(Organization::groupId).ifPresent(groups::add);
        }
        breach(claim, BreachKind.ACKNOWLEDGEMENT, claim.acknowledgementDueAt(), now());
        notices.toGroups(NoticeTemplates.CLAIM_ACKNOWLEDGEMENT_OVERDUE, claim, groups, Map.of(), "acknowledgement-overdue");
    }

    /** {@code ServiceTask_EscalateDecision}: the breach is recorded and the city bureau told. */
    @Transactional
    public void escalateDecision(long claimId) {
        Claim claim = require(claimId);
        breach(claim, BreachKind.DECISION, claim.decisionDueAt(), now());
        notices.toGroups(NoticeTemplates.CLAIM_DECISION_OVERDUE, claim,
                List.of(PlatformGroups.CITY_BUREAU, insurerGroup(claim)),
                Map.of("dueAt", notices.time(claim.decisionDueAt())), "decision-overdue");
    }

    /** {@code ServiceTask_EscalatePayment}: the breach is recorded and the city bureau told. */
    @Transactional
    public void escalatePayment(long claimId) {
        Claim claim = require(claimId);
        breach(claim, BreachKind.PAYMENT, claim.paymentDueAt(), now());
        notices.toGroups(NoticeTemplates.CLAIM_PAYMENT_OVERDUE, claim,
                List.of(PlatformGroups.CITY_BUREAU, insurerGroup(claim)), paymentModel(claim), "payment-overdue");
    }

    private void breach(Claim claim, BreachKind kind, OffsetDateTime dueAt, OffsetDateTime now) {
        if (repository.addBreach(claim.id(), claim.insurerOrgId(), kind, dueAt, now)) {
            archive(claim, "CLAIM_" + kind.name() + "_OVERDUE", SYSTEM, kind.label() + "（期限 " + notices.time(dueAt)
                    + "），计入对保险机构的考核");
        }
    }

    /** {@code ServiceTask_AnnounceDecision}: the reporter and the construction unit learn the decision. */
    @Transactional
    public void announceDecision(long claimId) {
        Claim claim = require(claimId);
        notices.toReporter(NoticeTemplates.CLAIM_DECISION, claim, Map.of("decisionText", decisionText(claim)),
                "decision");
    }

    /** {@code ServiceTask_AnnouncePayment}: the construction unit learns of the payment (N6.6). */
    @Transactional
    public void announcePayment(long claimId) {
        Claim claim = require(claimId);
        notices.toGroups(NoticeTemplates.CLAIM_PAID, claim,
                List.of(organizations.require(claim.constructionUnitId()).groupId()),
                Map.of("paidAmount", claim.paidAmount().toPlainString(), "paidOn", claim.paidOn().toString(),
                        "paymentReference", claim.paymentReference()), "paid");
    }

    /**
     * {@code ServiceTask_DeliverRecommendations} (N6.7): the recommendations go to the construction unit;
     * with {@code raiseHazards} every rectification item becomes a hazard that follows {@code hazardRectification}.
     */
    @Transactional
    public void deliverRecommendations(long claimId, boolean raiseHazards) {
        Claim claim = require(claimId);
        Map<String, Object> model = new HashMap<>();
        model.put("accidentCause", String.valueOf(claim.accidentCause()));
        for (RecommendationKind kind : RecommendationKind.values()) {
            String text = claim.recommendations().stream().filter(item -> item.kind() == kind)
                    .map(item -> item.seq() + ". " + item.text()).collect(Collectors.joining("\n"));
            model.put(switch (kind) {
                case RISK_CONTROL -> "riskControl";
                case RECTIFICATION -> "rectification";
                case TRAINING -> "training";
            }, text.isEmpty() ? "（无）" : text);
        }
        notices.toGroups(NoticeTemplates.CLAIM_RECOMMENDATIONS, claim,
                List.of(organizations.require(claim.constructionUnitId()).groupId()), model, "recommendations");
        if (raiseHazards) {
            claim.recommendations().stream()
                    .filter(item -> item.kind() == RecommendationKind.RECTIFICATION && item.hazardId() == null)
                    .forEach(item -> raise(claim, item, SYSTEM));
        }
    }

    /**
     * {@code POST /api/claims/{id}/recommendations/{recommendationId}/hazard}: the insurer turns one
     * rectification item into a hazard (N6.7, N8.8).
     */
    @Transactional
    public Claim raiseHazard(Actor actor, long claimId, long recommendationId) {
        Claim claim = get(actor, claimId);
        if (!actor.isMemberOf(insurerGroup(claim))) {
            throw new ForbiddenException("只有承保的保险机构可以将整改建议转为隐患 (only the claim's insurer)");
        }
        Claim.Recommendation item = claim.recommendations().stream().filter(r -> r.id() == recommendationId).findFirst()
                .orElseThrow(() -> new NotFoundException("建议不存在 (no such recommendation): " + recommendationId));
        if (item.kind() != RecommendationKind.RECTIFICATION) {
            throw new ConflictException("recommendationId", "只有整改建议可以转为隐患 (only a rectification item)");
        }
        if (item.hazardId() != null) {
            throw new ConflictException("recommendationId", "该整改建议已转为隐患 " + item.hazardId()
                    + " (already a hazard)");
        }
        raise(claim, item, actor.userId());
        return require(claimId);
    }

    private void raise(Claim claim, Claim.Recommendation item, String userId) {
        long verifier = serviceTeams.registeredServiceOrg(claim.policyId()).orElse(claim.insurerOrgId());
        long hazardId = hazards.raise(new NewHazard(claim.projectId(), claim.policyId(),
                HazardSource.CLAIM_RECOMMENDATION, claim.id(), claim.accidentType().hazardCategory(),
                HazardSeverity.GENERAL, item.text(), claim.place(), List.of(), item.text(), verifier, userId));
        repository.linkHazard(item.id(), hazardId);
        archive(claim, "CLAIM_RECOMMENDATION_TO_HAZARD", userId, "整改建议 " + item.seq() + " 转为隐患 " + hazardId + "："
                + item.text());
    }

    // --- reading -----------------------------------------------------------------------------------

    /** The claim, for its construction unit, its insurer and the authorities of its area; to anybody else it does not exist. */
    @Transactional(readOnly = true)
    public Claim get(Actor actor, long claimId) {
        return repository.find(claimId).filter(claim -> maySee(actor, claim))
                .orElseThrow(() -> new NotFoundException("报案不存在 (no such claim): " + claimId));
    }

    /**
     * {@code GET /api/claims/{id}/view}: the claim with its project, parties, policy limits and files by
     * name, for whoever may read the claim ({@link #get}: to anybody else it does not exist).
     */
    @Transactional(readOnly = true)
    public ClaimView view(Actor actor, long claimId) {
        Claim claim = get(actor, claimId);
        Project project = projects.require(claim.projectId());
        Policy policy = underwriting.policy(claim.policyId());
        String county = jurisdictions.find(claim.jurisdictionCode()).map(Jurisdiction::name)
                .orElse(claim.jurisdictionCode());
        List<String> documents = claim.documents().stream().flatMap(round -> round.files().stream()).distinct().toList();
        return new ClaimView(claim, project.code(), project.name(), project.siteAddress(), county,
                organizations.require(claim.insurerOrgId()).name(),
                organizations.require(claim.constructionUnitId()).name(), policy.policyStart(), policy.policyEnd(),
                policy.deathDisabilityLimit(), policy.totalLimit(), claim.accidentType().label(),
                claim.channel().label(), caseSummary(claim), links(claim.photos()), links(documents));
    }

    private List<ClaimView.FileLink> links(List<String> sha256s) {
        return sha256s.stream().map(sha256 -> {
            StoredFile file = files.find(sha256).orElse(null);
            return new ClaimView.FileLink(sha256, file == null ? sha256 : file.fileName(),
                    file == null ? null : file.contentType(), "/api/files/" + sha256);
        }).toList();
    }

    /**
     * {@code GET /api/claims/reportable-policies}: the issued policies of the actor's construction units
     * and insurers (the insurer's 24-hour line reports on the builder's behalf, N6.5), for the start form;
     * a policy that ended within {@code anzexian.claim.reportable-policy-grace} is still offered, for an
     * accident near its end reported late.
     */
    @Transactional(readOnly = true)
    public List<ReportablePolicy> reportablePolicies(Actor actor) {
        LocalDate endingFrom = LocalDate.now(clock).minus(properties.reportablePolicyGrace());
        return underwriting.issuedPolicies(actor.organizationIds(Role.INSURER), actor.organizationIds(Role.BUILDER),
                        endingFrom).stream()
                .map(policy -> new ReportablePolicy(policy.policyNumber(), policy.projectCode(), policy.projectName(),
                        policy.insurerName(), policy.policyStart(), policy.policyEnd(),
                        policy.policyNumber() + " · " + policy.projectCode() + " " + policy.projectName()))
                .toList();
    }

    /**
     * The process variable {@code caseSummary} (#12, at most 120 characters): project · accident day ·
     * casualties, and the agreed (or else the estimated) amount once there is one.
     */
    @Transactional(readOnly = true)
    public String caseSummary(long claimId) {
        return caseSummary(require(claimId));
    }

    private String caseSummary(Claim claim) {
        return caseSummary(projects.requireTitle(claim.projectId()), claim.accidentAt(), claim.accidentType(), claim.deaths(),
                claim.injuries(), claim.late(), claim.agreedAmount() != null ? " · 核定 " + yuan(claim.agreedAmount())
                        : claim.estimatedLoss() != null ? " · 估损 " + yuan(claim.estimatedLoss()) : "");
    }

    private String caseSummary(ProjectTitle project, OffsetDateTime accidentAt, AccidentType type, int deaths, int injuries,
            boolean late, String amount) {
        StringBuilder tail = new StringBuilder(" · 事故 ")
                .append(accidentAt.atZoneSameInstant(clock.getZone()).toLocalDate())
                .append(" · ").append(type.label());
        if (deaths > 0) {
            tail.append(" 死亡 ").append(deaths).append(" 人");
        }
        if (injuries > 0) {
            tail.append(" 受伤 ").append(injuries).append(" 人");
        }
        if (late) {
            tail.append(" · 迟报");
        }
        tail.append(amount);
        String head = project.code() + " " + project.name();
        int room = 120 - tail.length();
        if (head.length() > room) {
            head = head.substring(0, Math.max(0, room - 1)) + "…";
        }
        return head + tail;
    }

    /** One page of the claims the actor may see matching the filter (default: newest report first). */
    @Transactional(readOnly = true)
    public PageResult<Claim> list(Actor actor, ClaimFilter filter, ListQuery list) {
        ClaimRepository.Scope scope = scopeOf(actor);
        if (scope != null && scope.grantsNothing()) {
            return list.result(List.of(), 0);
        }
        return list.result(repository.find(scope, filter, list), repository.count(scope, filter));
    }

    /** What a claim list may be sorted by: {@code sort=reportedAt,desc}, see {@link SortFields}. */
    public static SortFields sortFields() {
        return ClaimRepository.SORT;
    }

    /** All claims the list would page through, in its order, with names, for the Excel export (capped). */
    @Transactional(readOnly = true)
    public List<ClaimRow> export(Actor actor, ClaimFilter filter, SortQuery sort) {
        ClaimRepository.Scope scope = scopeOf(actor);
        if (scope != null && scope.grantsNothing()) {
            return List.of();
        }
        long total = repository.count(scope, filter);
        exports.checkRows(total);
        return rows(repository.find(scope, filter, ListQuery.all(total, sort)));
    }

    /** Claims with the names a list page or a sheet shows beside them. */
    @Transactional(readOnly = true)
    public List<ClaimRow> rows(List<Claim> claims) {
        RegistryNames.Lookup names = registryNames.lookup();
        return claims.stream().map(claim -> {
            Project project = names.project(claim.projectId());
            return new ClaimRow(claim, project.code(), project.name(), names.county(claim.jurisdictionCode()),
                    names.organization(claim.insurerOrgId()), names.organization(claim.constructionUnitId()));
        }).toList();
    }

    /** A claim of a list with its project, county, insurer and construction unit named. */
    public record ClaimRow(Claim claim, String projectCode, String projectName, String countyName,
            String insurerName, String constructionUnitName) {

        /** The service levels missed, as one text: 未按时受理报案、未按时作出核定. */
        public String breaches() {
            return claim.breaches().stream().map(Claim.Breach::label).collect(Collectors.joining("、"));
        }
    }

    /** What the actor may see; {@code null} = the whole city. */
    private static ClaimRepository.Scope scopeOf(Actor actor) {
        return actor.seesWholeCity() ? null : new ClaimRepository.Scope(actor.organizationIds(Role.INSURER),
                actor.organizationIds(Role.BUILDER), actor.countyCodes());
    }

    /** The claim for the process; no access check. */
    @Transactional(readOnly = true)
    public Claim require(long claimId) {
        return repository.find(claimId).orElseThrow(() -> new NotFoundException("报案不存在 (no such claim): " + claimId));
    }

    private boolean maySee(Actor actor, Claim claim) {
        return actor.seesWholeCity()
                || actor.organizationIds(Role.INSURER).contains(claim.insurerOrgId())
                || actor.organizationIds(Role.BUILDER).contains(claim.constructionUnitId())
                || actor.countyCodes().contains(claim.jurisdictionCode());
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Map<String, Object> paymentModel(Claim claim) {
        return Map.of("dueAt", notices.time(claim.paymentDueAt()), "agreedAmount", claim.agreedAmount().toPlainString());
    }

    private static String decisionText(Claim claim) {
        if (!Boolean.TRUE.equals(claim.covered())) {
            return "不予赔付。理由：" + claim.decisionReason();
        }
        return "予以赔付，核定赔款 " + claim.agreedAmount().toPlainString() + " 元（"
                + claim.payees().stream().map(payee -> payee.name() + " " + payee.amount().toPlainString() + " 元")
                        .collect(Collectors.joining("；"))
                + "）" + (claim.decisionReason() == null ? "" : "。说明：" + claim.decisionReason());
    }

    private static String recommendationText(Claim claim) {
        return claim.recommendations().stream().map(item -> item.kind().label() + " " + item.seq() + "：" + item.text())
                .collect(Collectors.joining("；"));
    }

    private String insurerGroup(Claim claim) {
        return organizations.require(claim.insurerOrgId()).groupId();
    }

    private static void requireStatus(Claim claim, Set<ClaimStatus> allowed) {
        if (!allowed.contains(claim.status())) {
            throw new ConflictException("status", "报案当前状态为「" + claim.status().label() + "」，不能办理此步骤"
                    + " (not possible in this state)");
        }
    }

    private void archive(Claim claim, String event, String actor, String detail) {
        archive(claim, event, actor, detail, List.of());
    }

    private void archive(Claim claim, String event, String actor, String detail, List<String> files) {
        archive.append(new ArchiveRecord(claim.projectId(), ArchiveSubject.CLAIM, claim.id(), event,
                actor == null ? SYSTEM : actor, clip(detail), files));
    }

    private static String clip(String detail) {
        return detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
