package org.anzexian.filing.serviceorg;

import static org.anzexian.filing.serviceorg.ServiceOrgFilingProcess.*;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.creditlist.CreditListType;
import org.anzexian.filing.serviceorg.ServiceOrgFilingProcess.CorrectionAction;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.engine.ProcessGateway.OpenTask;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.FormRefusal;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Qualification filing of service organizations (issue 3, N7.1–N7.5): submission, the automatic
 * checks, correction, the city bureau's review, and the register of filed organizations. The
 * process {@code serviceOrgFiling} drives the steps; every state change happens here.
 *
 * <p>Durations ({@code anzexian.filing.correction-deadline} and {@code anzexian.filing.review-reminder})
 * are read by the model's timers from the shared {@link org.anzexian.filing.FilingSchedule}.
 *
 * <p>Access: an organization's members see and change only their own filings; the city bureau and
 * administrators see all and review. Engine calls run through {@link ProcessGateway} after these
 * checks.
 */
@Service
@Validated
public class ServiceOrgFilingService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ServiceOrgFilingRepository repository;
    private final OrganizationService organizations;
    private final FileStore files;
    private final CreditListService creditLists;
    private final EligibilityRules rules;
    private final NotificationService notifications;
    private final ProcessGateway engine;
    private final Validator validator;
    private final Clock clock;

    ServiceOrgFilingService(ServiceOrgFilingRepository repository, OrganizationService organizations, FileStore files,
            CreditListService creditLists, EligibilityRules rules, NotificationService notifications,
            ProcessGateway engine, Validator validator, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.files = files;
        this.creditLists = creditLists;
        this.rules = rules;
        this.notifications = notifications;
        this.engine = engine;
        this.validator = validator;
        this.clock = clock;
    }

    /** {@code POST /api/service-org-filings}: stores the filing and starts its process, which runs the checks at once. */
    @Transactional
    public ServiceOrgFiling submit(Actor actor, @Valid ServiceOrgFilingRequest request) {
        Organization organization = requireFilingOrganization(actor, request);
        long id = repository.insert(organization.id(), request, actor.userId(), now());
        String processInstanceId = engine.start(KEY, id, Map.of());
        repository.setProcessInstance(id, processInstanceId);
        return repository.find(id).orElseThrow();
    }

    /**
     * A filing entered in the Tasklist start form, for the filer's own organization ({@link #filerOf}):
     * stored for the running process, whose business key becomes its id. The same rules as {@link #submit};
     * every problem — those the form reader found ({@code formProblems}), the constraints of the request
     * and the documents' — is reported at once, in Chinese, and nothing is stored.
     */
    @Transactional
    public Opened registerStartedFiling(Actor actor, ServiceOrgFilingRequest request, String processInstanceId,
            List<ApiError.FieldMessage> formProblems) {
        validateAll(actor, request, formProblems);
        Organization organization = requireFilingOrganization(actor, request);
        long id = repository.insert(organization.id(), request, actor.userId(), now());
        repository.setProcessInstance(id, processInstanceId);
        return new Opened(id, organization.groupId(), caseSummary(organization.name()));
    }

    /**
     * Who files from the Tasklist: the one service organization the user works for, with the name and
     * credit code it is registered under (the form asks for neither).
     */
    @Transactional(readOnly = true)
    public Filer filerOf(Actor actor) {
        Set<Long> own = actor.organizationIds(Role.SERVICE_ORG);
        if (own.size() != 1) {
            throw new ForbiddenException("只有一家第三方技术服务机构的工作人员可以通过表单提交备案 (a member of exactly one service organization)");
        }
        Organization organization = organizations.require(own.iterator().next());
        return new Filer(organization.creditCode(), organization.name());
    }

    /** The organization a form files for, as it is registered. */
    public record Filer(String creditCode, String companyName) {
    }

    /** A filing submitted through {@code /api}, stored already: what its process needs to know. */
    @Transactional(readOnly = true)
    public Opened opened(long id) {
        Organization organization = organizations.require(require(id).organizationId());
        return new Opened(id, organization.groupId(), caseSummary(organization.name()));
    }

    /**
     * A new filing as its process sees it: the record, the group that corrects it and the case summary of
     * the task lists (organization · kind, at most 120 characters).
     */
    public record Opened(long filingId, String organizationGroup, String caseSummary) {
    }

    private static String caseSummary(String organizationName) {
        String summary = organizationName + " · 第三方技术服务机构备案";
        return summary.length() <= 120 ? summary : summary.substring(0, 119) + "…";
    }

    private Organization requireFilingOrganization(Actor actor, ServiceOrgFilingRequest request) {
        Organization organization = organizations.findByCreditCode(request.creditCode())
                .filter(found -> found.type() == OrganizationType.SERVICE_ORG)
                .orElseThrow(() -> new InvalidRequestException("creditCode",
                        "该统一社会信用代码未登记为第三方技术服务机构 (not a registered service organization)"));
        if (!organizations.isMember(actor, organization)) {
            throw new ForbiddenException("只有本机构人员可以提交备案 (only the organization's own staff may file)");
        }
        if (!repository.activeFilingsOf(organization.id()).isEmpty()) {
            throw new ConflictException("creditCode",
                    "该机构已有办理中或已备案的备案 (the organization already has an open or filed filing)");
        }
        requireKnownFiles(actor, request);
        return organization;
    }

    /** Everything wrong with a filing from a Tasklist form, at once (see {@link FormRefusal}). */
    private void validateAll(Actor actor, ServiceOrgFilingRequest request, List<ApiError.FieldMessage> formProblems) {
        FormRefusal.throwIfAny(validator, request, formProblems,
                FormRefusal.findings(() -> requireKnownFiles(actor, request)), ServiceOrgFilingForm::label);
    }

    private void requireKnownFiles(Actor actor, ServiceOrgFilingRequest request) {
        FieldViolations violations = new FieldViolations();
        for (int i = 0; i < request.evidenceFiles().size(); i++) {
            files.checkAttachable(actor, request.evidenceFiles().get(i), "evidenceFiles[" + i + "]", violations);
        }
        if (request.qualitySystemFile() != null) {
            files.checkAttachable(actor, request.qualitySystemFile(), "qualitySystemFile", violations);
        }
        violations.throwIfAny();
    }

    /**
     * Runs every check (N7.1–N7.5) as a new round and stores the results; the filing goes to review
     * when all pass, to correction otherwise.
     *
     * @return whether all passed
     */
    @Transactional
    public CheckOutcome runChecks(long id) {
        ServiceOrgFiling filing = require(id);
        LocalDate filingDate = LocalDate.now(clock);
        EligibilityThresholds limits = rules.forFilingDate(filingDate);
        List<String> listed = creditLists.entriesFor(filing.data().creditCode(), EnumSet.allOf(CreditListType.class),
                        filingDate.minusYears(limits.badRecordLookBackYears())).stream()
                .map(entry -> entry.type().label() + "（" + entry.listedOn() + "，" + entry.reason() + "）")
                .toList();
        List<CheckResult> results = ServiceOrgEligibility.check(filing.data(), filingDate, limits, listed, files::exists);
        int round = repository.nextRound(id);
        OffsetDateTime now = now();
        results.forEach(result -> repository.insertCheck(id, round, result, now));
        boolean passed = results.stream().allMatch(CheckResult::passed);
        repository.setStatus(id, passed ? FilingStatus.IN_REVIEW : FilingStatus.NEEDS_CORRECTION, now);
        String summary = results.stream().filter(result -> !result.passed())
                .map(result -> result.label() + "（" + result.check().rule() + "）：" + result.reason())
                .collect(Collectors.joining("\n"));
        return new CheckOutcome(passed, summary);
    }

    /** Whether the checks of a round passed and, if not, why (one line per failed check). */
    public record CheckOutcome(boolean passed, String summary) {
    }

    /** {@code PUT /api/service-org-filings/{id}}: replaces the data of a filing in correction. */
    @Transactional
    public ServiceOrgFiling update(Actor actor, long id, @Valid ServiceOrgFilingRequest request) {
        ServiceOrgFiling filing = requireOwn(actor, id);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            throw new ConflictException(null, "只有待补正的备案可以修改 (only a filing in correction can be changed)");
        }
        if (!filing.data().creditCode().equals(request.creditCode())) {
            throw new InvalidRequestException("creditCode", "不能更改备案机构 (the organization of a filing cannot change)");
        }
        requireKnownFiles(actor, request);
        repository.replaceData(id, request, now());
        return repository.find(id).orElseThrow();
    }

    /**
     * The correction entered in the task {@code UserTask_CorrectFiling} (the Tasklist form, prefilled with
     * the filing): the rules of {@link #update}, every problem — the form reader's and the rules' —
     * reported at once; a refused correction changes nothing. The organization resubmits it in the same
     * step ({@link #decideCorrection}).
     */
    @Transactional
    public ServiceOrgFiling correctInTask(Actor actor, long id, ServiceOrgFilingRequest request,
            List<ApiError.FieldMessage> formProblems) {
        ServiceOrgFiling filing = requireOwn(actor, id);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            throw new ConflictException("status", "只有待补正的备案可以修改 (only a filing in correction can be changed)");
        }
        if (!filing.data().creditCode().equals(request.creditCode())) {
            throw new InvalidRequestException("creditCode", "不能更改备案机构 (the organization of a filing cannot change)");
        }
        validateAll(actor, request, formProblems);
        repository.replaceData(id, request, now());
        return repository.find(id).orElseThrow();
    }

    /** The organization sends the corrected filing back through the checks. */
    @Transactional
    public ServiceOrgFiling resubmit(Actor actor, long id) {
        return completeCorrection(actor, id, CorrectionAction.RESUBMIT);
    }

    /** The organization abandons the filing: it ends as withdrawn. */
    @Transactional
    public ServiceOrgFiling withdraw(Actor actor, long id) {
        return completeCorrection(actor, id, CorrectionAction.WITHDRAW);
    }

    private ServiceOrgFiling completeCorrection(Actor actor, long id, CorrectionAction action) {
        ServiceOrgFiling filing = requireOwn(actor, id);
        OpenTask task = openTask(filing, TASK_CORRECT_FILING, "只有待补正的备案可以重新提交或撤回 (the filing is not waiting for correction)");
        engine.completeRecorded(task, actor, decideCorrection(actor, id, action));
        return repository.find(id).orElseThrow();
    }

    /**
     * The one door of {@code UserTask_CorrectFiling}: the organization, its filing waiting for correction,
     * resubmits it or withdraws it; the Tasklist's form and {@link #resubmit}/{@link #withdraw} end here.
     */
    public CorrectionAction decideCorrection(Actor actor, long id, CorrectionAction action) {
        ServiceOrgFiling filing = requireOwn(actor, id);
        if (filing.status() != FilingStatus.NEEDS_CORRECTION) {
            throw new ConflictException("status", "只有待补正的备案可以重新提交或撤回 (the filing is not waiting for correction)");
        }
        if (action == null) {
            throw new InvalidRequestException(VAR_CORRECTION_ACTION, "请选择重新提交或撤回 (choose resubmit or withdraw)");
        }
        return action;
    }

    /** The city bureau's decision on a filing in review, with its reason (required unless approved). */
    public record Review(ReviewDecision decision, String reason) {
    }

    /**
     * {@code POST /api/service-org-filings/{id}/review}: the city bureau decides on a filing in review
     * (approve, reject with reason, ask for more) through {@link #recordReview}; then the task completes.
     */
    @Transactional
    public ServiceOrgFiling review(Actor actor, long id, ReviewDecision decision, String reason) {
        requireReviewer(actor);
        ServiceOrgFiling filing = require(id);
        OpenTask task = openTask(filing, TASK_REVIEW_FILING, "该备案不在审核中 (the filing is not in review)");
        engine.completeRecorded(task, actor, recordReview(actor, id, new Review(decision, reason)));
        return repository.find(id).orElseThrow();
    }

    /**
     * {@code UserTask_ReviewFiling}, from the Tasklist form or {@code /api}: records who decided what; a
     * rejection or request for more without a reason is refused and the task stays open.
     */
    @Transactional
    public ReviewDecision recordReview(Actor actor, long id, Review review) {
        requireReviewer(actor);
        if (review.decision() == null) {
            throw new InvalidRequestException(VAR_REVIEW_DECISION, "必须选择审核结论 (decision required)");
        }
        requireReason(review.decision(), review.reason());
        String reason = review.reason() == null || review.reason().isBlank() ? null : review.reason().strip();
        repository.recordReview(id, review.decision(), reason, actor.userId(), now());
        return review.decision();
    }

    private static void requireReason(ReviewDecision decision, String reason) {
        if (decision != ReviewDecision.APPROVE && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException(VAR_REVIEW_REASON, decision.label() + "须说明理由 (a reason is required)");
        }
    }

    /** Approved: the organization is filed, gets its number, enters the register; it and the bureau are told. */
    @Transactional
    public void approve(long id) {
        ServiceOrgFiling filing = require(id);
        if (filing.status() == FilingStatus.FILED) {
            return;
        }
        String number = "XZAZ-FW-" + LocalDate.now(clock).getYear() + "-" + String.format("%05d", id);
        repository.markFiled(id, number, now());
        notifyGroups(NoticeTemplates.SERVICE_ORG_FILING_APPROVED, filing,
                List.of(group(filing), PlatformGroups.CITY_BUREAU), Map.of("filingNumber", number), "approved");
    }

    @Transactional
    public void reject(long id) {
        ServiceOrgFiling filing = require(id);
        repository.setStatus(id, FilingStatus.REJECTED, now());
        notifyGroups(NoticeTemplates.SERVICE_ORG_FILING_REJECTED, filing, List.of(group(filing)),
                Map.of("reason", filing.reviewReason()), "rejected");
    }

    /** The bureau wants more: back to the organization, with the bureau's words as the reason. */
    @Transactional
    public String requestMoreInfo(long id) {
        ServiceOrgFiling filing = require(id);
        repository.setStatus(id, FilingStatus.NEEDS_CORRECTION, now());
        notifyGroups(NoticeTemplates.SERVICE_ORG_FILING_MORE_INFO, filing, List.of(group(filing)),
                Map.of("reason", filing.reviewReason()), "more-info-" + filing.checkRound());
        return "市住建局要求补充材料：" + filing.reviewReason();
    }

    @Transactional
    public void markWithdrawn(long id) {
        require(id);
        repository.setStatus(id, FilingStatus.WITHDRAWN, now());
    }

    /** The correction deadline passed: the filing lapses and the organization is told. */
    @Transactional
    public void lapse(long id) {
        ServiceOrgFiling filing = require(id);
        repository.setStatus(id, FilingStatus.LAPSED, now());
        notifyGroups(NoticeTemplates.SERVICE_ORG_FILING_LAPSED, filing, List.of(group(filing)), Map.of(), "lapsed");
    }

    /** The review is overdue: reminds the city bureau (once per review round). */
    @Transactional
    public void remindReviewer(long id) {
        ServiceOrgFiling filing = require(id);
        notifyGroups(NoticeTemplates.SERVICE_ORG_FILING_REVIEW_REMINDER, filing, List.of(PlatformGroups.CITY_BUREAU),
                Map.of("submittedAt", filing.submittedAt().atZoneSameInstant(clock.getZone()).format(DATE),
                        "filingId", filing.id()),
                "review-reminder-" + filing.checkRound());
    }

    private void notifyGroups(String template, ServiceOrgFiling filing, List<String> groups, Map<String, Object> extra,
            String event) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("organizationName", filing.data().companyName());
        model.put("creditCode", filing.data().creditCode());
        notifications.enqueueToGroups(template, groups, model, "service-org-filing:" + filing.id(),
                "service-org-filing:" + filing.id() + ":" + event);
    }

    public ServiceOrgFiling get(Actor actor, long id) {
        return repository.find(id).filter(filing -> maySee(actor, filing))
                .orElseThrow(() -> new NotFoundException("备案不存在 (no such filing): " + id));
    }

    /** The filings the actor may see, newest first. */
    public List<ServiceOrgFiling> list(Actor actor, FilingStatus status) {
        if (actor.seesWholeCity()) {
            return repository.findByOrganizations(null, status);
        }
        var own = actor.organizationIds(Role.SERVICE_ORG);
        return own.isEmpty() ? List.of() : repository.findByOrganizations(own, status);
    }

    /** The register insurers choose from: filed service organizations. */
    public List<RegisteredServiceOrg> register() {
        return repository.register();
    }

    /** The filing's status for the process and other modules; no access check. */
    public ServiceOrgFiling require(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("备案不存在 (no such filing): " + id));
    }

    private ServiceOrgFiling requireOwn(Actor actor, long id) {
        ServiceOrgFiling filing = get(actor, id);
        if (!actor.isMemberOf(group(filing))) {
            throw new ForbiddenException("只有本机构人员可以办理 (only the organization's own staff may do this)");
        }
        return filing;
    }

    private boolean maySee(Actor actor, ServiceOrgFiling filing) {
        return actor.seesWholeCity() || actor.isMemberOf(group(filing));
    }

    private static void requireReviewer(Actor actor) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局可以审核备案 (only the city bureau reviews filings)");
        }
    }

    private String group(ServiceOrgFiling filing) {
        return organizations.require(filing.organizationId()).groupId();
    }

    private OpenTask openTask(ServiceOrgFiling filing, String taskKey, String notWaiting) {
        return engine.openTask(KEY, filing.id(), taskKey).orElseThrow(() -> new ConflictException(null, notWaiting));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
