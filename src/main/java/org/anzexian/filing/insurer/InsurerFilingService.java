package org.anzexian.filing.insurer;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anzexian.filing.FilingProperties;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.filing.creditlist.CreditListImported;
import org.anzexian.filing.insurer.InsurerFilingData.Document;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.FormRefusal;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The insurer market-entry filing (N5.1): submission and correction by the insurer, the automatic
 * checks, the city bureau's review, the public register of filed insurers, and suspension when a
 * license expires or the insurer is listed as dishonest (N5.2). The steps of
 * {@code processes/insurerFiling.bpmn} call the methods taking a filing id.
 */
@Service
@Validated
public class InsurerFilingService {

    private final InsurerFilingRepository repository;
    private final InsurerFilingChecks checks;
    private final InsurerFilingNotices notices;
    private final OrganizationService organizations;
    private final ProcessGateway engine;
    private final FilingProperties properties;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final LicenseDates licenseDates;
    private final Validator validator;
    private final Clock clock;

    InsurerFilingService(InsurerFilingRepository repository, InsurerFilingChecks checks, InsurerFilingNotices notices,
            OrganizationService organizations, ProcessGateway engine,
            FilingProperties properties, FileStore files, ApplicationEventPublisher events, LicenseDates licenseDates,
            Validator validator, Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.notices = notices;
        this.organizations = organizations;
        this.engine = engine;
        this.properties = properties;
        this.files = files;
        this.events = events;
        this.licenseDates = licenseDates;
        this.validator = validator;
        this.clock = clock;
    }

    // --- the insurer's requests ---------------------------------------------------------------

    /**
     * Stores a filing and starts {@code insurerFiling} with the filing id as business key; the
     * automatic checks run before this returns, so the answer carries their results.
     */
    @Transactional
    public InsurerFiling submit(Actor actor, @Valid InsurerFilingData data) {
        Organization insurer = requireFilingInsurer(actor, data);
        long id = repository.insert(data, insurer.name(), insurer.creditCode(), actor.userId(), now());
        // the insurer's permission was checked above; its Camunda start permission is for the Tasklist
        String processInstanceId = engine.start(InsurerFilingProcess.KEY, id, Map.of());
        repository.setProcessInstance(id, processInstanceId);
        return require(id);
    }

    /**
     * Stores a filing entered in the Tasklist start form, inside the process instance that start
     * created; the same checks as {@link #submit} apply, and every problem — those the form reader
     * found ({@code formProblems}) and those of the rules — is reported at once, in Chinese.
     *
     * @return what the instance needs to know of the new filing (its id becomes the business key)
     */
    @Transactional
    public Opened submitFromStartForm(Actor actor, InsurerFilingData data, String processInstanceId,
            List<ApiError.FieldMessage> formProblems) {
        Organization insurer = organizations.find(data.insurerOrgId())
                .filter(organization -> organization.type() == OrganizationType.INSURER)
                .orElseThrow(() -> new InvalidRequestException("insurerOrgId", "不是已登记的保险机构 (not a registered insurer)"));
        if (!organizations.isMember(actor, insurer)) {
            throw new ForbiddenException("只有该保险机构的工作人员可以提交其备案 (only the insurer's own staff may file for it)");
        }
        validateAll(actor, data, insurer, formProblems);
        if (repository.existsForOrganization(insurer.id(), FilingStatus.OPEN_OR_FILED)) {
            throw new ConflictException("insurerOrgId", "该机构已有办理中或已备案的备案 (the insurer has an open or filed filing)");
        }
        long id = repository.insert(data, insurer.name(), insurer.creditCode(), actor.userId(), now());
        repository.setProcessInstance(id, processInstanceId);
        return new Opened(id, insurer.id(), insurer.groupId(), caseSummary(insurer.name()));
    }

    /** A filing submitted through {@code /api}, stored already: what its instance needs to know. */
    @Transactional(readOnly = true)
    public Opened opened(long filingId) {
        Organization insurer = organizations.require(require(filingId).insurerOrgId());
        return new Opened(filingId, insurer.id(), insurer.groupId(), caseSummary(insurer.name()));
    }

    /**
     * A new filing as its instance sees it: the record, its insurer, the group that corrects it and the
     * case summary the task lists show (organization · kind of filing, at most 120 characters).
     */
    public record Opened(long filingId, long insurerOrgId, String insurerGroup, String caseSummary) {
    }

    /** The kind of filing, as the task lists show it after the organization's name. */
    static final String CASE_KIND = "保险机构展业告知备案";

    static String caseSummary(String organizationName) {
        String summary = organizationName + " · " + CASE_KIND;
        return summary.length() <= 120 ? summary : summary.substring(0, 119) + "…";
    }

    private Organization requireFilingInsurer(Actor actor, InsurerFilingData data) {
        Organization insurer = organizations.find(data.insurerOrgId())
                .filter(organization -> organization.type() == OrganizationType.INSURER)
                .orElseThrow(() -> new InvalidRequestException("insurerOrgId", "不是已登记的保险机构 (not a registered insurer)"));
        if (!organizations.isMember(actor, insurer)) {
            throw new ForbiddenException("只有该保险机构的工作人员可以提交其备案 (only the insurer's own staff may file for it)");
        }
        validate(actor, data, insurer);
        if (repository.existsForOrganization(insurer.id(), FilingStatus.OPEN_OR_FILED)) {
            throw new ConflictException("insurerOrgId", "该机构已有办理中或已备案的备案 (the insurer has an open or filed filing)");
        }
        return insurer;
    }

    /** Replaces the data of a filing that waits for correction; the clerk then resubmits in the task. */
    @Transactional
    public InsurerFiling correct(Actor actor, long id, @Valid InsurerFilingData data) {
        InsurerFiling filing = lockVisible(actor, id);
        requireOwnStaff(actor, filing);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            throw new ConflictException("status", "只有待补正的备案可以修改，当前状态：" + filing.status().label()
                    + " (only a filing that needs correction can be changed)");
        }
        if (data.insurerOrgId() != filing.insurerOrgId()) {
            throw new InvalidRequestException("insurerOrgId", "不能更换备案机构 (the insurer of a filing cannot change)");
        }
        validate(actor, data, organizations.require(filing.insurerOrgId()));
        repository.replaceData(id, data, now());
        return require(id);
    }

    /**
     * The correction entered in the task {@code UserTask_CorrectFiling} (the Tasklist form, prefilled with
     * the filing): the same rules as {@link #correct}, every problem — the form reader's and the rules' —
     * reported at once. The clerk resubmits it in the same step ({@link #decideCorrection}).
     */
    @Transactional
    public InsurerFiling correctInTask(Actor actor, long id, InsurerFilingData data, List<ApiError.FieldMessage> formProblems) {
        InsurerFiling filing = lockVisible(actor, id);
        requireOwnStaff(actor, filing);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            throw new ConflictException("status", "只有待补正的备案可以修改，当前状态：" + filing.status().label()
                    + " (only a filing that needs correction can be changed)");
        }
        validateAll(actor, data, organizations.require(filing.insurerOrgId()), formProblems);
        repository.replaceData(id, data, now());
        return require(id);
    }

    /**
     * The one door of {@code UserTask_CorrectFiling}: the insurer's staff, its filing waiting for
     * correction, resubmits the corrected filing ({@link InsurerFilingProcess#RESUBMIT}) or abandons it
     * ({@link InsurerFilingProcess#ABANDON}).
     */
    public String decideCorrection(Actor actor, long id, String decision) {
        InsurerFiling filing = get(actor, id);
        requireOwnStaff(actor, filing);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            throw new ConflictException("status", "只有待补正的备案可以重新提交或放弃，当前状态：" + filing.status().label()
                    + " (only a filing that needs correction)");
        }
        if (!InsurerFilingProcess.RESUBMIT.equals(decision) && !InsurerFilingProcess.ABANDON.equals(decision)) {
            throw new InvalidRequestException(InsurerFilingProcess.VAR_CORRECTION_DECISION,
                    "请选择重新提交或放弃备案 (choose resubmit or abandon)");
        }
        return decision;
    }

    /**
     * The licences an insurer proposes as a change of its filing (N3.1, N3.3): plausible dates, valid
     * today, scans uploaded. Refuses (400, each field) what it cannot take; changes nothing.
     */
    public void requireRenewal(Actor actor, LicenseUpdate update) {
        FieldViolations violations = new FieldViolations();
        licenseDates.checkRenewed(violations, "businessLicense", update.businessLicense());
        licenseDates.checkRenewed(violations, "insuranceLicense", update.insuranceLicense());
        requireStoredFiles(actor, licenseFiles(update.businessLicense(), update.insuranceLicense()), violations);
        violations.throwIfAny();
    }

    /**
     * Re-runs the expiry and listing checks of a filing whose licences an approved change replaced
     * (N5.2): a filed insurer that is no longer eligible today is suspended at once. A suspended one
     * stays suspended until the city bureau reinstates it.
     */
    @Transactional
    public void recheckSuspension(long filingId) {
        InsurerFiling filing = lock(filingId);
        if (filing.status() == FilingStatus.FILED) {
            suspendIfCauses(filing, today());
        }
    }

    @Transactional(readOnly = true)
    public InsurerFiling get(Actor actor, long id) {
        InsurerFiling filing = repository.findById(id).orElseThrow(() -> notFound(id));
        if (!sees(actor, filing)) {
            throw notFound(id);
        }
        return filing;
    }

    /** The city bureau and admins see every filing, an insurer's staff their own, everybody else none. */
    @Transactional(readOnly = true)
    public PageResult<InsurerFiling> list(Actor actor, PageQuery page) {
        return list(actor, ListQuery.of(page.page(), page.size(), null, sortFields()));
    }

    /** The same, one page in the asked order. */
    @Transactional(readOnly = true)
    public PageResult<InsurerFiling> list(Actor actor, ListQuery list) {
        if (actor.seesWholeCity()) {
            return list.result(repository.findAll(list.sort(), list.offset(), list.size()), repository.countAll());
        }
        Set<Long> own = actor.organizationIds(Role.INSURER);
        return list.result(repository.findByOrganizations(own, list.sort(), list.offset(), list.size()),
                repository.countByOrganizations(own));
    }

    /** What the filing list may be sorted by: id, status, filingNumber, branchName, insurerId. */
    public static SortFields sortFields() {
        return InsurerFilingRepository.SORT;
    }

    // --- the public register and the gate -----------------------------------------------------

    /** Filed insurers, the ones a construction unit may choose (N2.1). */
    @Transactional(readOnly = true)
    public List<InsurerRegisterEntry> register() {
        return repository.findByStatus(Set.of(FilingStatus.FILED)).stream().map(InsurerRegisterEntry::of).toList();
    }

    /** The register entry of an insurer, filed or suspended. */
    @Transactional(readOnly = true)
    public InsurerRegisterEntry registerEntry(long insurerOrgId) {
        return repository.findCurrentFiling(insurerOrgId).map(InsurerRegisterEntry::of)
                .orElseThrow(() -> new NotFoundException("该保险机构未备案 (insurer not filed): " + insurerOrgId));
    }

    /**
     * The credit codes an insurer is tied to as its filing records them (N3.6): its own, its head
     * office's and those of the organizations it controls, is controlled by or shares a principal
     * with. Two insurers are related when these sets meet; an insurer without a filing has none.
     */
    @Transactional(readOnly = true)
    public Set<String> tiedCreditCodes(long insurerOrgId) {
        return repository.findCurrentFiling(insurerOrgId).map(filing -> {
            Set<String> codes = new HashSet<>();
            codes.add(filing.branchCreditCode());
            if (filing.data().parentCreditCode() != null) {
                codes.add(filing.data().parentCreditCode());
            }
            filing.data().relatedOrganizations().forEach(related -> codes.add(related.creditCode()));
            return Set.copyOf(codes);
        }).orElse(Set.of());
    }

    /** Whether the insurer may do business now (N5.2): filed and not suspended. */
    @Transactional(readOnly = true)
    public boolean isFiled(long insurerOrgId) {
        return repository.existsForOrganization(insurerOrgId, Set.of(FilingStatus.FILED));
    }

    /** Where the insurer's open, filed or suspended filing stands (it has one at most), if it has one. */
    @Transactional(readOnly = true)
    public Optional<FilingStatus> currentStatus(long insurerOrgId) {
        return Arrays.stream(FilingStatus.values()).filter(FilingStatus.OPEN_OR_FILED::contains)
                .filter(status -> repository.existsForOrganization(insurerOrgId, Set.of(status))).findFirst();
    }

    // --- the city bureau ------------------------------------------------------------------------

    /** Lifts a suspension once its causes are gone: licenses valid today and no barring listing. */
    @Transactional
    public InsurerFiling reinstate(Actor actor, long id) {
        return reinstate(actor, id, null);
    }

    /**
     * As {@link #reinstate(Actor, long)}, with the bureau's reason for the decision log (the portal asks for
     * one, #14); {@code null} logs the suspension's reason as before, a blank reason is refused.
     */
    @Transactional
    public InsurerFiling reinstate(Actor actor, long id, String reason) {
        requireBureau(actor);
        String given = reason == null ? null : reason.strip();
        if (given != null && given.isEmpty()) {
            throw new InvalidRequestException("reason", "必须填写恢复理由 (reason required)");
        }
        if (given != null && given.length() > 500) {
            throw new InvalidRequestException("reason", "恢复理由最多 500 字 (reason too long)");
        }
        InsurerFiling filing = lockVisible(actor, id);
        if (filing.status() != FilingStatus.SUSPENDED) {
            throw new ConflictException("status", "只有已暂停的备案可以恢复 (only a suspended filing can be reinstated)");
        }
        List<String> causes = checks.suspensionCauses(filing, today());
        if (!causes.isEmpty()) {
            throw new ConflictException("status", "暂停原因尚未消除 (cause of suspension remains)：" + String.join("；", causes));
        }
        OffsetDateTime now = now();
        String logged = given == null ? filing.suspensionReason()
                : "恢复理由：" + given + (filing.suspensionReason() == null ? "" : "（原暂停原因：" + filing.suspensionReason() + "）");
        repository.markReinstated(id, now);
        repository.insertDecision(id, actor.userId(), FilingDecision.Decision.REINSTATE,
                logged != null && logged.length() > 1000 ? logged.substring(0, 999) + "…" : logged, now);
        InsurerFiling reinstated = require(id);
        notices.reinstated(reinstated, now);
        return reinstated;
    }

    /** The filings in these states, for the city bureau's reinstatement page (#14), the latest changed first. */
    @Transactional(readOnly = true)
    public PageResult<InsurerFiling> listByStatus(Actor actor, Set<FilingStatus> statuses, PageQuery page) {
        requireBureau(actor);
        if (statuses.isEmpty()) {
            return PageResult.empty(page);
        }
        return PageResult.of(repository.findByStatus(statuses, page.offset(), page.size()),
                repository.countByStatus(statuses), page);
    }

    /**
     * Suspends a filed insurer on a decision of the city bureau taken elsewhere (the assessment's bottom
     * ranks, N9.2) through {@code InsurerGate#suspend}: the same mark, notice and event as a suspension for
     * an expired licence. An insurer without a filed filing is left as it is.
     *
     * @return whether a filing was suspended
     */
    @Transactional
    public boolean suspendByDecision(long insurerOrgId, String reason) {
        var current = repository.findCurrentFiling(insurerOrgId).filter(f -> f.status() == FilingStatus.FILED);
        if (current.isEmpty()) {
            return false;
        }
        suspend(lock(current.get().id()), reason);
        return true;
    }

    // --- steps of the process -----------------------------------------------------------------

    /** Runs every check as a new round, stores each named result and moves the filing on. */
    @Transactional
    public CheckOutcome runChecks(long filingId) {
        InsurerFiling filing = lock(filingId);
        int round = repository.nextRound(filingId);
        OffsetDateTime now = now();
        List<CheckResult> results = checks.all(filing, today());
        results.forEach(result -> repository.insertCheck(filingId, round, result, now));
        CheckOutcome outcome = new CheckOutcome(results.stream().allMatch(CheckResult::passed), results);
        if (outcome.allPassed()) {
            repository.setStatus(filingId, FilingStatus.IN_REVIEW, now);
        } else {
            repository.setStatus(filingId, FilingStatus.NEEDS_CORRECTION, now);
            notices.needsCorrection(filing, outcome.failureReasons(), correctionDeadline(now), "round:" + round);
        }
        return outcome;
    }

    /** The city bureau's review of a filing (the form's choice {@code approve}, {@code reject}, {@code moreInfo}). */
    public record Review(ReviewDecision decision, String reason) {
    }

    /** The decision recorded and, when the bureau asked for more, the reasons for the insurer's correction task. */
    public record Reviewed(ReviewDecision decision, String correctionReasons) {
    }

    /**
     * {@code UserTask_ReviewFiling}: records the city bureau's review decision; a reason is required for
     * a rejection and a request for more. Asking for more information sends the filing back to the
     * insurer at once; approval and rejection take effect in the steps that follow.
     */
    @Transactional
    public Reviewed recordReview(Actor actor, long filingId, Review review) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局可以审核备案 (only the city bureau reviews filings)");
        }
        ReviewDecision decision = review.decision();
        FieldViolations violations = new FieldViolations();
        if (decision == null) {
            violations.add(InsurerFilingProcess.VAR_REVIEW_DECISION,
                    "请选择审核结论：approve、reject 或 moreInfo (choose a decision)");
        }
        String trimmed = review.reason() == null ? null : review.reason().strip();
        if ((decision == ReviewDecision.REJECT || decision == ReviewDecision.MORE_INFO) && (trimmed == null || trimmed.isEmpty())) {
            violations.add(InsurerFilingProcess.VAR_REVIEW_REASON, "不予备案或要求补充材料时必须说明理由 (reason required)");
        }
        if (trimmed != null && trimmed.length() > 1000) {
            violations.add(InsurerFilingProcess.VAR_REVIEW_REASON, "最多 1000 字 (too long)");
        }
        violations.throwIfAny();
        InsurerFiling filing = lock(filingId);
        if (filing.status() != FilingStatus.IN_REVIEW) {
            throw new ConflictException("status", "备案不在审核中 (filing is not in review): " + filing.status());
        }
        OffsetDateTime now = now();
        repository.insertDecision(filingId, actor.userId(), FilingDecision.Decision.of(decision), trimmed == null || trimmed.isEmpty() ? null : trimmed, now);
        if (decision != ReviewDecision.MORE_INFO) {
            return new Reviewed(decision, null);
        }
        repository.setStatus(filingId, FilingStatus.NEEDS_CORRECTION, now);
        String reasons = "【市住建局要求补充材料】" + trimmed;
        notices.needsCorrection(filing, reasons, correctionDeadline(now), "more-info:" + filing.decisions().size());
        return new Reviewed(decision, reasons);
    }

    /** Files the insurer: filing number, FILED, and the notices of N4.1. Repeated calls change nothing. */
    @Transactional
    public void approve(long filingId) {
        InsurerFiling filing = lock(filingId);
        if (filing.status() != FilingStatus.IN_REVIEW) {
            return;
        }
        OffsetDateTime now = now();
        String prefix = properties.numberPrefix() + "-" + today().getYear() + "-";
        String number = prefix + String.format("%04d", repository.countFilingNumbers(prefix) + 1);
        repository.markFiled(filingId, number, now);
        notices.filed(require(filingId));
    }

    @Transactional
    public void reject(long filingId) {
        InsurerFiling filing = lock(filingId);
        if (filing.status() != FilingStatus.IN_REVIEW) {
            return;
        }
        repository.setStatus(filingId, FilingStatus.REJECTED, now());
        String reason = filing.decisions().isEmpty() ? "" : filing.decisions().get(filing.decisions().size() - 1).reason();
        notices.rejected(filing, reason);
    }

    @Transactional
    public void withdraw(long filingId) {
        close(filingId, FilingStatus.WITHDRAWN);
    }

    /** The correction deadline passed. */
    @Transactional
    public void lapse(long filingId) {
        if (close(filingId, FilingStatus.LAPSED)) {
            notices.lapsed(require(filingId));
        }
    }

    @Transactional
    public void remindReviewer(long filingId) {
        InsurerFiling filing = require(filingId);
        if (filing.status() == FilingStatus.IN_REVIEW) {
            notices.reviewReminder(filing, filing.updatedAt());
        }
    }

    private boolean close(long filingId, FilingStatus status) {
        InsurerFiling filing = lock(filingId);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            return false;
        }
        repository.setStatus(filingId, status, now());
        return true;
    }

    // --- suspension (N5.2) --------------------------------------------------------------------

    /**
     * Suspends filed insurers whose license expired (or who are listed), and reminds those whose
     * license expires within {@code anzexian.filing.expiry-reminder-before}. Each notice once.
     */
    @Transactional
    public WatchReport watchExpiries() {
        LocalDate today = today();
        LocalDate remindFrom = today.plus(properties.expiryReminderBefore());
        List<Long> suspended = new ArrayList<>();
        int reminders = 0;
        for (InsurerFiling filing : repository.findByStatus(Set.of(FilingStatus.FILED))) {
            if (suspendIfCauses(filing, today)) {
                suspended.add(filing.id());
                continue;
            }
            if (!filing.data().businessLicense().validUntil().isAfter(remindFrom)) {
                notices.expiryReminder(filing, "营业执照", filing.data().businessLicense());
                reminders++;
            }
            if (!filing.data().insuranceLicense().validUntil().isAfter(remindFrom)) {
                notices.expiryReminder(filing, "保险许可证", filing.data().insuranceLicense());
                reminders++;
            }
        }
        return new WatchReport(suspended, reminders);
    }

    /** A credit-list import names newly listed organizations: their filings are suspended in the import's transaction. */
    @EventListener
    @Transactional
    public void onCreditListImported(CreditListImported imported) {
        for (InsurerFiling filing : repository.findByStatus(Set.of(FilingStatus.FILED))) {
            if (InsurerFilingChecks.codesOf(filing).stream().anyMatch(imported.newlyListedCreditCodes()::contains)) {
                suspendIfCauses(filing, today());
            }
        }
    }

    private boolean suspendIfCauses(InsurerFiling filing, LocalDate today) {
        List<String> causes = checks.suspensionCauses(filing, today);
        if (causes.isEmpty()) {
            return false;
        }
        suspend(filing, String.join("；", causes));
        return true;
    }

    private void suspend(InsurerFiling filing, String cause) {
        String reason = cause.length() > 1000 ? cause.substring(0, 999) + "…" : cause;
        repository.markSuspended(filing.id(), reason, now());
        String occasion = UUID.nameUUIDFromBytes(reason.getBytes(StandardCharsets.UTF_8)).toString();
        notices.suspended(filing, reason, occasion);
        events.publishEvent(new InsurerSuspended(filing.insurerOrgId(), reason));
    }

    // --- helpers ------------------------------------------------------------------------------

    /**
     * Everything wrong with a filing from a Tasklist form, at once: the form reader's problems, the
     * constraints of {@link InsurerFilingData} and the rules of {@link #validate} (see {@link FormRefusal}).
     */
    private void validateAll(Actor actor, InsurerFilingData data, Organization insurer, List<ApiError.FieldMessage> formProblems) {
        FormRefusal.throwIfAny(validator, data, formProblems, FormRefusal.findings(() -> validate(actor, data, insurer)),
                InsurerFilingFormFields::label);
    }

    /** What Bean Validation cannot check: licence dates, credit codes, branch vs parent, documents present. */
    private void validate(Actor actor, InsurerFilingData data, Organization insurer) {
        FieldViolations violations = new FieldViolations();
        licenseDates.checkFiled(violations, "businessLicense", data.businessLicense());
        licenseDates.checkFiled(violations, "insuranceLicense", data.insuranceLicense());
        requireStoredFiles(actor, fileReferences(data), violations);
        if (data.parentCreditCode() != null) {
            CreditCode.problem(data.parentCreditCode()).ifPresent(problem -> violations.add("parentCreditCode", problem));
            if (data.parentCreditCode().equals(insurer.creditCode())) {
                violations.add("parentCreditCode", "总公司不能是备案机构自身 (parent must differ from the branch)");
            }
            if (data.parentName() == null || data.parentName().isBlank()) {
                violations.add("parentName", "分支机构须填写总公司名称 (parent name required for a branch)");
            }
        } else if (data.parentName() != null || data.parentAuthorizationHash() != null) {
            violations.add("parentCreditCode", "填写了总公司信息却缺少其统一社会信用代码 (parent credit code required)");
        }
        for (int i = 0; i < data.relatedOrganizations().size(); i++) {
            String field = "relatedOrganizations[" + i + "].creditCode";
            CreditCode.problem(data.relatedOrganizations().get(i).creditCode())
                    .ifPresent(problem -> violations.add(field, problem));
        }
        document(violations, "insurancePlan", data.insurancePlan());
        document(violations, "policyTerms", data.policyTerms());
        document(violations, "claimsService.plan", data.claimsService().plan());
        document(violations, "preventionPlan.plan", data.preventionPlan().plan());
        violations.throwIfAny();
    }

    /** Every file the filing refers to, by the field that names it. */
    private static Map<String, String> fileReferences(InsurerFilingData data) {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("parentAuthorizationHash", data.parentAuthorizationHash());
        references.putAll(licenseFiles(data.businessLicense(), data.insuranceLicense()));
        references.put("auditReport.fileHash", data.auditReport().fileHash());
        for (int i = 0; i < data.projectLeads().size(); i++) {
            references.put("projectLeads[" + i + "].proofHash", data.projectLeads().get(i).proofHash());
        }
        references.put("insurancePlan.fileHash", data.insurancePlan().fileHash());
        references.put("policyTerms.fileHash", data.policyTerms().fileHash());
        references.put("claimsService.plan.fileHash", data.claimsService().plan().fileHash());
        references.put("preventionPlan.plan.fileHash", data.preventionPlan().plan().fileHash());
        return references;
    }

    private static Map<String, String> licenseFiles(License business, License insurance) {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("businessLicense.scanHash", business.scanHash());
        references.put("insuranceLicense.scanHash", insurance.scanHash());
        return references;
    }

    /** A well-formed reference must name a file that was uploaded to the file store. */
    private void requireStoredFiles(Actor actor, Map<String, String> references, FieldViolations violations) {
        references.forEach((field, hash) -> {
            if (FileHash.isValid(hash)) {
                files.checkAttachable(actor, hash, field, violations);
            }
        });
    }

    private static void document(FieldViolations violations, String field, Document document) {
        if (document.isEmpty()) {
            violations.add(field, "须填写正文或上传文件 (text or file required)");
        }
    }

    private InsurerFiling lockVisible(Actor actor, long id) {
        InsurerFiling filing = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!sees(actor, filing)) {
            throw notFound(id);
        }
        return filing;
    }

    private InsurerFiling lock(long id) {
        return repository.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private InsurerFiling require(long id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    private static boolean sees(Actor actor, InsurerFiling filing) {
        return actor.seesWholeCity() || actor.organizationIds(Role.INSURER).contains(filing.insurerOrgId());
    }

    private static void requireOwnStaff(Actor actor, InsurerFiling filing) {
        if (!actor.organizationIds(Role.INSURER).contains(filing.insurerOrgId())) {
            throw new ForbiddenException("只有该保险机构的工作人员可以修改其备案 (only the insurer's own staff may change its filing)");
        }
    }

    private static void requireBureau(Actor actor) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局或系统管理员可以恢复备案 (only the city bureau or an administrator)");
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("备案不存在 (no such filing): " + id);
    }

    private OffsetDateTime correctionDeadline(OffsetDateTime from) {
        return from.plus(properties.correctionDeadline());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
