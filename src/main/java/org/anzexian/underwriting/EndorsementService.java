package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.platform.format.Money;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.ConstructionContract;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endorsements (批改) of an issued policy whose construction contract grew (N1.1, N4.3, N4.5): a phase
 * joining the insured contract raises its amount and may stretch its period beyond the policy's. The
 * phase is not insured until the additional premium is received in full and the endorsement issued.
 * The steps of {@code processes/policyEndorsement.bpmn} call the methods taking an endorsement id.
 */
@Service
public class EndorsementService {

    static final String PERIOD_REASON = "施工期超出保单期间，须办理批改 (construction period beyond the policy period: endorsement required)";
    static final String AMOUNT_REASON = "合同金额增加，须办理批改 (contract amount increased: endorsement required)";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final EndorsementRepository repository;
    private final UnderwritingService underwriting;
    private final UnderwritingNotices notices;
    private final ProjectService projects;
    private final OrganizationService organizations;
    private final InsurerGate gate;
    private final ProcessGateway engine;
    private final CaseSummaries summaries;
    private final Clock clock;

    EndorsementService(EndorsementRepository repository, UnderwritingService underwriting, UnderwritingNotices notices,
            ProjectService projects, OrganizationService organizations, InsurerGate gate, ProcessGateway engine,
            CaseSummaries summaries, Clock clock) {
        this.repository = repository;
        this.summaries = summaries;
        this.underwriting = underwriting;
        this.notices = notices;
        this.projects = projects;
        this.organizations = organizations;
        this.gate = gate;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * A phase joined the construction contract: if the contract holds a policy in force, an endorsement
     * to the contract's new amount and span is required and {@code policyEndorsement} starts. A pending
     * endorsement of the policy is superseded by the new one, which brings its phases along.
     */
    @Transactional
    public Optional<Endorsement> phaseJoined(long projectId, long contractId) {
        Optional<Policy> effective = underwriting.effectivePolicy(contractId);
        if (effective.isEmpty()) {
            return Optional.empty();
        }
        repository.lockPolicy(effective.get().id());
        Policy policy = underwriting.policy(effective.get().id());
        List<Long> phases = new ArrayList<>();
        repository.pending(policy.id()).ifPresent(pending -> {
            phases.addAll(pending.phaseProjectIds());
            repository.markSuperseded(pending.id());
            engine.correlateAll(PolicyEndorsementProcess.MESSAGE_SUPERSEDED, pending.id());
        });
        phases.add(projectId);
        ConstructionContract contract = projects.require(projectId).constructionContract();
        LocalDate start = contract.start().isBefore(policy.policyStart()) ? contract.start() : policy.policyStart();
        LocalDate end = contract.end().isAfter(policy.policyEnd()) ? contract.end() : policy.policyEnd();
        BigDecimal additional = additionalPremium(policy.contractAmount(), contract.amount(), policy.policyStart(),
                policy.policyEnd(), start, end, policy.premiumRatePermille());
        long id = repository.insert(policy, new EndorsementRepository.Terms(contract.amount(), start, end, additional),
                phases, OffsetDateTime.now(clock));
        Endorsement endorsement = require(id);
        String processInstanceId = engine.start(PolicyEndorsementProcess.KEY, id, startVariables(endorsement, policy));
        repository.setProcessInstance(id, processInstanceId);
        notices.endorsementRequired(endorsement, policy, phaseNames(endorsement));
        return Optional.of(endorsement);
    }

    /**
     * The additional premium, to the fen, at the policy's own rate r (‰): the amount increase at the
     * full rate, as the policy priced its amount, plus the policy's insured amount for the days the
     * period grows, pro rata to the days it had:
     * {@code (A1 − A0) × r / 1000 + A0 × r / 1000 × extraDays / oldDays}, where {@code oldDays} counts
     * the old policy period inclusively and {@code extraDays} the new period's days outside it.
     */
    static BigDecimal additionalPremium(BigDecimal oldAmount, BigDecimal newAmount, LocalDate oldStart, LocalDate oldEnd,
            LocalDate newStart, LocalDate newEnd, BigDecimal ratePermille) {
        long oldDays = ChronoUnit.DAYS.between(oldStart, oldEnd) + 1;
        long extraDays = Math.max(0, ChronoUnit.DAYS.between(newStart, oldStart))
                + Math.max(0, ChronoUnit.DAYS.between(oldEnd, newEnd));
        BigDecimal amountPart = newAmount.subtract(oldAmount).max(BigDecimal.ZERO);
        BigDecimal periodPart = oldAmount.multiply(BigDecimal.valueOf(extraDays))
                .divide(BigDecimal.valueOf(oldDays), MathContext.DECIMAL128);
        return amountPart.add(periodPart).multiply(ratePermille).divide(THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /**
     * N1.1 per project: why the project is not (yet) insured under this policy, in Chinese; empty
     * when it is. A phase its pending endorsement brings under the policy is not, nor is a project
     * whose construction period lies outside the policy period.
     */
    @Transactional(readOnly = true)
    public List<String> notInsuredReasons(Project project, Policy policy) {
        List<String> reasons = new ArrayList<>();
        Optional<Endorsement> pending = repository.pendingForProject(project.id());
        LocalDate start = pending.map(Endorsement::oldPolicyStart).orElse(policy.policyStart());
        LocalDate end = pending.map(Endorsement::oldPolicyEnd).orElse(policy.policyEnd());
        if (project.contractStart().isBefore(start) || project.contractEnd().isAfter(end)) {
            reasons.add(PERIOD_REASON);
        }
        if (pending.filter(Endorsement::amountGrew).isPresent()) {
            reasons.add(AMOUNT_REASON);
        }
        return reasons;
    }

    /** The pending endorsement bringing this project under its policy, if any. */
    @Transactional(readOnly = true)
    public Optional<Endorsement> pendingForProject(long projectId) {
        return repository.pendingForProject(projectId);
    }

    /** The endorsement, for its policy's insurer, its buyer and the city; to anybody else it does not exist. */
    @Transactional(readOnly = true)
    public Endorsement get(Actor actor, long endorsementId) {
        return repository.find(endorsementId).filter(endorsement -> maySee(actor, endorsement))
                .orElseThrow(() -> notFound(endorsementId));
    }

    private boolean maySee(Actor actor, Endorsement endorsement) {
        Policy policy = underwriting.policy(endorsement.policyId());
        return actor.seesWholeCity() || isMember(actor, policy.insurerOrgId()) || isMember(actor, policy.buyerOrgId());
    }

    // --- steps of the process -----------------------------------------------------------------

    /**
     * {@code UserTask_ConfirmEndorsementPremium} (N4.3, as the policy's premium): the full additional
     * premium received in one payment, confirmed by the policy's insurer while it is filed (N5.2);
     * anything else is refused and the task stays open.
     */
    @Transactional
    public Endorsement confirmPremium(Actor actor, long endorsementId, UnderwritingService.PremiumReceipt receipt) {
        Endorsement endorsement = require(endorsementId);
        Policy policy = underwriting.policy(endorsement.policyId());
        if (!isMember(actor, policy.insurerOrgId())) {
            throw new ForbiddenException("只有承保的保险机构可以确认批改保费 (only the policy's insurer confirms the additional premium)");
        }
        requirePending(endorsement);
        if (endorsement.premiumReceivedAt() != null) {
            throw new ConflictException("status", "批改保费已确认 (the additional premium is confirmed already)");
        }
        gate.requireFiled(policy.insurerOrgId());
        if (!Boolean.TRUE.equals(receipt.paidInOnePayment())) {
            throw new InvalidRequestException(PolicyEndorsementProcess.VAR_PAID_IN_ONE_PAYMENT,
                    "批改保费须一次性全额缴纳，不得分期 (N4.3: the full additional premium in one payment)");
        }
        BigDecimal received = receipt.received();
        if (received == null || received.compareTo(endorsement.additionalPremium()) != 0) {
            throw new InvalidRequestException(PolicyEndorsementProcess.VAR_PREMIUM_RECEIVED,
                    "实收批改保费 " + (received == null ? "（未填写）" : received.toPlainString() + " 元") + " 与应收批改保费 "
                            + endorsement.additionalPremium().toPlainString() + " 元不符：须一次性全额收取后方可批改"
                            + " (N4.3: the additional premium must be received in full)");
        }
        repository.recordPremium(endorsementId, actor.userId(), OffsetDateTime.now(clock));
        return require(endorsementId);
    }

    /**
     * {@code ServiceTask_IssueEndorsement}: numbers the endorsement after its policy and brings the
     * policy (the ledger row, N4.5) to the new amount, period and premium. Retrying returns it issued;
     * an insurer no longer filed is issued nothing (N5.2), the step stays as an incident.
     */
    @Transactional
    public Endorsement issue(long endorsementId) {
        Endorsement endorsement = require(endorsementId);
        if (endorsement.status() == EndorsementStatus.ISSUED) {
            return endorsement;
        }
        requirePending(endorsement);
        if (endorsement.premiumReceivedAt() == null) {
            throw new ConflictException("status", "批改保费尚未确认 (the additional premium is not confirmed)");
        }
        repository.lockPolicy(endorsement.policyId());
        Policy policy = underwriting.policy(endorsement.policyId());
        gate.requireFiled(policy.insurerOrgId());
        repository.endorsePolicy(endorsement);
        String number = "%s-P%02d".formatted(policy.policyNumber(), repository.countIssued(policy.id()) + 1);
        repository.markIssued(endorsementId, number, OffsetDateTime.now(clock));
        return require(endorsementId);
    }

    /** {@code ServiceTask_ReportEndorsement}: the builder and the county authority learn of the endorsed policy. */
    @Transactional
    public void report(long endorsementId) {
        Endorsement endorsement = require(endorsementId);
        notices.endorsementIssued(endorsement, underwriting.policy(endorsement.policyId()), phaseNames(endorsement));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Map<String, Object> startVariables(Endorsement endorsement, Policy policy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PolicyEndorsementProcess.VAR_ENDORSEMENT_ID, endorsement.id());
        variables.put(PolicyEndorsementProcess.VAR_POLICY_ID, policy.id());
        variables.put(PolicyEndorsementProcess.VAR_INSURER_GROUP, organizations.require(policy.insurerOrgId()).groupId());
        variables.put(PolicyEndorsementProcess.VAR_POLICY_NUMBER, policy.policyNumber());
        variables.put(PolicyEndorsementProcess.VAR_PHASES, String.join("、", phaseNames(endorsement)));
        variables.put(PolicyEndorsementProcess.VAR_OLD_CONTRACT_AMOUNT, Money.yuan(endorsement.oldContractAmount()));
        variables.put(PolicyEndorsementProcess.VAR_NEW_CONTRACT_AMOUNT, Money.yuan(endorsement.newContractAmount()));
        variables.put(PolicyEndorsementProcess.VAR_OLD_POLICY_PERIOD,
                BusinessTime.period(endorsement.oldPolicyStart(), endorsement.oldPolicyEnd()));
        variables.put(PolicyEndorsementProcess.VAR_NEW_POLICY_PERIOD,
                BusinessTime.period(endorsement.newPolicyStart(), endorsement.newPolicyEnd()));
        variables.put(PolicyEndorsementProcess.VAR_ADDITIONAL_PREMIUM, endorsement.additionalPremium().doubleValue());
        variables.put(PolicyEndorsementProcess.VAR_CASE_SUMMARY, summaries.of(projects.require(policy.projectId()),
                "批改 " + policy.policyNumber(), "批改保费 " + Money.yuan(endorsement.additionalPremium())));
        return variables;
    }

    private List<String> phaseNames(Endorsement endorsement) {
        return endorsement.phaseProjectIds().stream().map(projects::require)
                .map(project -> project.name() + "（" + project.code() + "）").toList();
    }

    private boolean isMember(Actor actor, long organizationId) {
        return organizations.find(organizationId).filter(o -> organizations.isMember(actor, o)).isPresent();
    }

    private Endorsement require(long endorsementId) {
        return repository.find(endorsementId).orElseThrow(() -> notFound(endorsementId));
    }

    private static NotFoundException notFound(long endorsementId) {
        return new NotFoundException("批改不存在 (no such endorsement): " + endorsementId);
    }

    private static void requirePending(Endorsement endorsement) {
        if (endorsement.status() != EndorsementStatus.PENDING) {
            throw new ConflictException("status", "批改当前状态为「" + endorsement.status().label() + "」，不能办理此步骤"
                    + " (not possible in this state)");
        }
    }
}
