package org.anzexian.filing.insurer;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licence changes of a filed or suspended insurer (#11, N3.1, N3.3, N5.2): the insurer proposes, the
 * city bureau reviews in {@code processes/insurerLicenseChange.bpmn}, and only an approved change
 * replaces the filing's licences — until then the expiry watch keeps judging the licences on file.
 * Every change stays recorded with the licences before and after and the decision.
 */
@Service
public class LicenseChangeService {

    private final LicenseChangeRepository changes;
    private final InsurerFilingRepository filingRecords;
    private final InsurerFilingService filings;
    private final InsurerFilingNotices notices;
    private final ProcessGateway engine;
    private final Validator validator;
    private final Clock clock;

    LicenseChangeService(LicenseChangeRepository changes, InsurerFilingRepository filingRecords,
            InsurerFilingService filings, InsurerFilingNotices notices, ProcessGateway engine, Validator validator,
            Clock clock) {
        this.changes = changes;
        this.filingRecords = filingRecords;
        this.filings = filings;
        this.notices = notices;
        this.engine = engine;
        this.validator = validator;
        this.clock = clock;
    }

    /** {@code POST /api/insurer-filings/{id}/license-changes}: stores the proposal and starts its review. */
    @Transactional
    public LicenseChange propose(Actor actor, long filingId, LicenseUpdate proposed) {
        long changeId = store(actor, filingId, proposed, List.of());
        changes.setProcessInstance(changeId, engine.start(InsurerLicenseChangeProcess.KEY, changeId, Map.of()));
        return require(changeId);
    }

    /**
     * The Tasklist start form: the clerk of exactly one insurer proposes new licences for that insurer's
     * filed or suspended filing, inside the instance the start created.
     */
    @Transactional
    public Opened proposeFromStartForm(Actor actor, LicenseUpdate proposed, String processInstanceId) {
        return proposeFromStartForm(actor, proposed, processInstanceId, List.of());
    }

    /**
     * As {@link #proposeFromStartForm(Actor, LicenseUpdate, String)}, reporting what the form reader could
     * not read ({@code formProblems}) together with every problem of the proposal, at once.
     */
    @Transactional
    public Opened proposeFromStartForm(Actor actor, LicenseUpdate proposed, String processInstanceId,
            List<ApiError.FieldMessage> formProblems) {
        Set<Long> insurers = actor.organizationIds(Role.INSURER);
        if (insurers.size() != 1) {
            throw new ForbiddenException("只有一家保险机构的工作人员可以通过表单申请证照变更 (a clerk of exactly one insurer)");
        }
        InsurerFiling filing = filingRecords.findCurrentFiling(insurers.iterator().next())
                .orElseThrow(() -> new ConflictException("filingId", "本机构没有已备案或已暂停的备案 (no filed or suspended filing)"));
        long changeId = store(actor, filing.id(), proposed, formProblems);
        changes.setProcessInstance(changeId, processInstanceId);
        return opened(changeId);
    }

    /**
     * A change as its instance sees it: the record, its filing, the reviewer's view of both licence sets
     * and the case summary of the task lists (organization · kind).
     */
    public record Opened(long changeId, long filingId, String summary, String caseSummary) {
    }

    @Transactional(readOnly = true)
    public Opened opened(long changeId) {
        LicenseChange change = require(changeId);
        String organization = filingRecords.findById(change.filingId()).map(InsurerFiling::branchName).orElse("");
        String caseSummary = organization + " · 保险机构证照变更";
        return new Opened(changeId, change.filingId(), summary(change),
                caseSummary.length() <= 120 ? caseSummary : caseSummary.substring(0, 119) + "…");
    }

    /** Every change of the filing, oldest first: the insurer of the filing and the city bureau see them. */
    @Transactional(readOnly = true)
    public List<LicenseChange> list(Actor actor, long filingId) {
        return changes.findByFiling(filings.get(actor, filingId).id());
    }

    /**
     * {@code UserTask_ReviewLicenseChange}: the city bureau approves or rejects (a reason is required to
     * reject); the decision is recorded with who took it. The licences change in the step that follows.
     */
    @Transactional
    public ReviewDecision recordReview(Actor actor, long changeId, String decisionValue, String reason) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局可以审核证照变更 (only the city bureau reviews licence changes)");
        }
        ReviewDecision decision = ReviewDecision.of(decisionValue);
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        FieldViolations violations = new FieldViolations();
        if (decision != ReviewDecision.APPROVE && decision != ReviewDecision.REJECT) {
            violations.add(InsurerLicenseChangeProcess.VAR_REVIEW_DECISION, "请选择准予变更 (approve) 或不予变更 (reject)");
        }
        if (decision == ReviewDecision.REJECT && trimmed == null) {
            violations.add(InsurerLicenseChangeProcess.VAR_REVIEW_REASON, "不予变更时必须说明理由 (reason required)");
        }
        if (trimmed != null && trimmed.length() > 1000) {
            violations.add(InsurerLicenseChangeProcess.VAR_REVIEW_REASON, "最多 1000 字 (too long)");
        }
        violations.throwIfAny();
        LicenseChange change = changes.findForUpdate(changeId).orElseThrow(() -> notFound(changeId));
        if (change.status() != LicenseChange.Status.PENDING) {
            throw new ConflictException("status", "证照变更已审核 (already decided): " + change.status().label());
        }
        changes.decide(changeId, decision == ReviewDecision.APPROVE ? LicenseChange.Status.APPROVED
                : LicenseChange.Status.REJECTED, actor.userId(), now(), trimmed);
        return decision;
    }

    /** {@code ServiceTask_ApplyChange}: the approved licences replace the filing's, its expiry checks re-run. */
    @Transactional
    public void apply(long changeId) {
        LicenseChange change = changes.findForUpdate(changeId).orElseThrow(() -> notFound(changeId));
        if (change.status() != LicenseChange.Status.APPROVED || change.appliedAt() != null) {
            return;
        }
        InsurerFiling filing = filingRecords.findForUpdate(change.filingId()).orElseThrow();
        OffsetDateTime now = now();
        filingRecords.updateLicenses(filing.id(), change.proposed().businessLicense(),
                change.proposed().insuranceLicense(), now);
        changes.markApplied(changeId, now);
        filings.recheckSuspension(filing.id());
        notices.licenseChangeDecided(filing, change);
    }

    /** {@code ServiceTask_RejectChange}: the filing keeps its licences; the insurer is told why. */
    @Transactional
    public void reject(long changeId) {
        LicenseChange change = require(changeId);
        if (change.status() == LicenseChange.Status.REJECTED) {
            notices.licenseChangeDecided(filingRecords.findById(change.filingId()).orElseThrow(), change);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private long store(Actor actor, long filingId, LicenseUpdate proposed, List<ApiError.FieldMessage> formProblems) {
        InsurerFiling filing = filingRecords.findForUpdate(filingId).orElseThrow(() -> notFoundFiling(filingId));
        if (!actor.organizationIds(Role.INSURER).contains(filing.insurerOrgId())) {
            if (!actor.seesWholeCity()) {
                throw notFoundFiling(filingId);
            }
            throw new ForbiddenException("只有该保险机构的工作人员可以申请变更其证照 (only the insurer's own staff)");
        }
        if (filing.status() != FilingStatus.FILED && filing.status() != FilingStatus.SUSPENDED) {
            throw new ConflictException("status", "只有已备案或已暂停的备案可以申请证照变更，当前状态：" + filing.status().label()
                    + " (only a filed or suspended filing)");
        }
        if (changes.existsUndone(filingId)) {
            throw new ConflictException("status", "已有待审核的证照变更 (a licence change is pending review)");
        }
        requireWellFormed(actor, proposed, formProblems);
        return changes.insert(filingId, actor.userId(), now(), licensesOf(filing), proposed);
    }

    /**
     * Bean Validation of the proposal and the rules of a renewal (plausible dates, valid today, scans
     * uploaded), with what the form reader could not read: every problem in one 400, at every door.
     */
    private void requireWellFormed(Actor actor, LicenseUpdate proposed, List<ApiError.FieldMessage> formProblems) {
        FieldViolations violations = new FieldViolations();
        formProblems.forEach(problem -> violations.add(problem.field(), problem.message()));
        Set<String> named = new java.util.HashSet<>();
        formProblems.forEach(problem -> named.add(problem.field()));
        validator.validate(proposed).stream()
                .sorted(java.util.Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .filter(violation -> !named.contains(violation.getPropertyPath().toString()))
                .forEach(violation -> violations.add(violation.getPropertyPath().toString(), violation.getMessage()));
        if (proposed.businessLicense() != null && proposed.insuranceLicense() != null) {
            try {
                filings.requireRenewal(actor, proposed);
            } catch (InvalidRequestException refused) {
                refused.fieldErrors().stream().filter(error -> !named.contains(error.field()))
                        .forEach(error -> violations.add(error.field(), error.message()));
            }
        }
        violations.throwIfAny();
    }

    private static LicenseUpdate licensesOf(InsurerFiling filing) {
        return new LicenseUpdate(filing.data().businessLicense(), filing.data().insuranceLicense());
    }

    private static String summary(LicenseChange change) {
        return "现有证照：\n" + describe(change.before()) + "\n申请变更为：\n" + describe(change.proposed());
    }

    private static String describe(LicenseUpdate licenses) {
        return "营业执照 " + licenses.businessLicense().number() + "，有效期至 " + licenses.businessLicense().validUntil()
                + "\n保险许可证 " + licenses.insuranceLicense().number() + "，有效期至 " + licenses.insuranceLicense().validUntil();
    }

    private LicenseChange require(long changeId) {
        return changes.findById(changeId).orElseThrow(() -> notFound(changeId));
    }

    private static NotFoundException notFound(long changeId) {
        return new NotFoundException("证照变更不存在 (no such licence change): " + changeId);
    }

    private static NotFoundException notFoundFiling(long filingId) {
        return new NotFoundException("备案不存在 (no such filing): " + filingId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
