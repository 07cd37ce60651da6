package org.anzexian.underwriting;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.format.Money;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.ConstructionContract;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * From the quotation request to the policy (N1.2, N2.1–N2.5, N3.6, N4.3–N4.5, N6.1). The steps of
 * {@code processes/policyUnderwriting.bpmn} call the methods taking a quotation or policy id.
 */
@Service
@Validated
public class UnderwritingService {

    /** The records of this module in the file store: a quotation's application documents. */
    static final String FILE_RECORD = "quotation";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final Set<QuotationStatus> QUOTING = Set.of(QuotationStatus.REQUESTED, QuotationStatus.ISSUED,
            QuotationStatus.APPLIED, QuotationStatus.NEEDS_CORRECTION, QuotationStatus.UNDERWRITTEN,
            QuotationStatus.POLICY_ISSUED);
    private static final Set<QuotationStatus> LAPSE_ON_ACCEPT = Set.of(QuotationStatus.REQUESTED, QuotationStatus.ISSUED);
    /** Quotations on their way to a policy: a suspended insurer's are told to the builder (N5.2). */
    private static final Set<QuotationStatus> OPEN = Set.of(QuotationStatus.REQUESTED, QuotationStatus.ISSUED,
            QuotationStatus.APPLIED, QuotationStatus.NEEDS_CORRECTION, QuotationStatus.UNDERWRITTEN);

    private final UnderwritingRepository repository;
    private final UnderwritingNotices notices;
    private final UnderwritingProperties properties;
    private final ProjectService projects;
    private final OrganizationService organizations;
    private final InsurerGate gate;
    private final InsurerFilingService filings;
    private final FileStore files;
    private final ProcessGateway engine;
    private final CaseSummaries summaries;
    private final Clock clock;

    UnderwritingService(UnderwritingRepository repository, UnderwritingNotices notices, UnderwritingProperties properties,
            ProjectService projects, OrganizationService organizations, InsurerGate gate, InsurerFilingService filings,
            FileStore files, ProcessGateway engine, CaseSummaries summaries, Clock clock) {
        this.repository = repository;
        this.summaries = summaries;
        this.notices = notices;
        this.properties = properties;
        this.projects = projects;
        this.organizations = organizations;
        this.gate = gate;
        this.filings = filings;
        this.files = files;
        // the parties of a record read its files and may attach them again (#11)
        files.registerRecords(FILE_RECORD, this::get);
        this.engine = engine;
        this.clock = clock;
    }

    // --- the construction unit's request ------------------------------------------------------

    /**
     * Stores a quotation request and starts one {@code policyUnderwriting} instance per insurer
     * (business key = quotation id). Refused as a whole, changing nothing, when the actor is not the
     * buyer (N2.2/N2.3), the construction contract already has a policy (N2.4), an insurer is not
     * filed (N5.2) or two insurers are related (N3.6).
     */
    @Transactional
    public QuotationRequestResult requestQuotations(Actor actor, @Valid NewQuotationRequest request) {
        Project project = projects.get(actor, request.projectId());
        Organization buyer = organizations.require(project.constructionUnitId());
        if (!organizations.isMember(actor, buyer)) {
            throw new ForbiddenException("只有施工总承包单位（联合体为牵头单位）可以为本项目投保"
                    + " (N2.2/N2.3: only the general contractor or the joint venture's lead member buys)");
        }
        ConstructionContract contract = project.constructionContract();
        if (repository.policyExistsForContract(contract.id())) {
            throw secondPolicy(contract);
        }
        List<Long> insurerIds = List.copyOf(new LinkedHashSet<>(request.insurerOrgIds()));
        insurerIds.forEach(gate::requireFiled);
        List<Long> quoting = new ArrayList<>(repository.quotationsOfProject(project.id(), QUOTING).stream()
                .map(Quotation::insurerOrgId).toList());
        for (long insurerId : insurerIds) {
            if (quoting.contains(insurerId)) {
                throw new ConflictException("insurerOrgIds", organizations.require(insurerId).name()
                        + " 已在为本项目报价 (this insurer already quotes for the project)");
            }
            for (long other : quoting) {
                if (related(insurerId, other)) {
                    throw new ConflictException("insurerOrgIds", organizations.require(insurerId).name() + " 与 "
                            + organizations.require(other).name() + " 存在同一负责人或控制、管理关系，不得同时为同一项目报价"
                            + " (N3.6: related insurers may not both quote for one project)");
                }
            }
            quoting.add(insurerId);
        }
        OffsetDateTime now = now();
        boolean conversion = project.permitStatus() == PermitStatus.ISSUED;
        long requestId = repository.insertRequest(project.id(), contract.id(), buyer.id(), conversion, actor.userId(), now);
        List<Quotation> quotations = new ArrayList<>();
        for (long insurerId : insurerIds) {
            long quotationId = repository.insertQuotation(requestId, project.id(), contract.id(), insurerId, now);
            Map<String, Object> variables = new HashMap<>();
            variables.put(PolicyUnderwritingProcess.VAR_QUOTATION_ID, quotationId);
            variables.put(PolicyUnderwritingProcess.VAR_PROJECT_ID, project.id());
            variables.put(PolicyUnderwritingProcess.VAR_INSURER_ORG_ID, insurerId);
            variables.put(PolicyUnderwritingProcess.VAR_INSURER_GROUP, organizations.require(insurerId).groupId());
            variables.put(PolicyUnderwritingProcess.VAR_BUILDER_GROUP, buyer.groupId());
            variables.put(PolicyUnderwritingProcess.VAR_CASE_SUMMARY, summaries.of(project,
                    organizations.require(insurerId).name(), "合同 " + Money.yuan(contract.amount())));
            // the buyer was authorized above; the process is not started from the Tasklist
            String processInstanceId = engine.start(PolicyUnderwritingProcess.KEY, quotationId, variables);
            repository.setProcessInstance(quotationId, processInstanceId);
            quotations.add(requireQuotation(quotationId));
        }
        return new QuotationRequestResult(requestId, project.id(), conversion, quotations);
    }

    /** N3.6: related when what their filings tie them to (own, head office, related organizations) meets. */
    private boolean related(long insurerId, long otherId) {
        return !Collections.disjoint(filings.tiedCreditCodes(insurerId), filings.tiedCreditCodes(otherId));
    }

    // --- reading --------------------------------------------------------------------------------

    /** The quotation, for its insurer, its buyer and the city; to anybody else it does not exist. */
    @Transactional(readOnly = true)
    public Quotation get(Actor actor, long quotationId) {
        return repository.findQuotation(quotationId).filter(quotation -> maySee(actor, quotation))
                .orElseThrow(() -> new NotFoundException("报价不存在 (no such quotation): " + quotationId));
    }

    @Transactional(readOnly = true)
    public Policy policy(long policyId) {
        return repository.findPolicy(policyId)
                .orElseThrow(() -> new NotFoundException("保单不存在 (no such policy): " + policyId));
    }

    /** The policy with this number (N4.5), e.g. the one an accident report names (N6.5). */
    @Transactional(readOnly = true)
    public Optional<Policy> policyByNumber(String policyNumber) {
        return policyNumber == null ? Optional.empty() : repository.findPolicyByNumber(policyNumber.strip());
    }

    /** The policy, if there is one: for modules that must not fail their transaction on a missing policy (hazards). */
    @Transactional(readOnly = true)
    public Optional<Policy> findPolicy(long policyId) {
        return repository.findPolicy(policyId);
    }

    /**
     * The issued policies that these insurers underwrote or these construction units bought and that end
     * on {@code endingFrom} or later, newest first: what an accident can be reported on (N6.5).
     */
    @Transactional(readOnly = true)
    public List<Policy> issuedPolicies(Collection<Long> insurerOrgIds, Collection<Long> buyerOrgIds,
            LocalDate endingFrom) {
        return repository.issuedPolicies(insurerOrgIds, buyerOrgIds, endingFrom);
    }

    @Transactional(readOnly = true)
    /** The policies of a construction contract: a phased project's phases share theirs (N2.4). */
    public List<Policy> policiesOfContract(long contractId) {
        return repository.policiesOfContract(contractId);
    }

    /**
     * N1.1: the contract's policy that is in force today or starts later (bought before the permit);
     * the permit check and the list of permitted projects without a policy (N1.3) both ask this.
     */
    @Transactional(readOnly = true)
    public Optional<Policy> effectivePolicy(long contractId) {
        LocalDate today = today();
        return repository.policiesOfContract(contractId).stream()
                .filter(policy -> policy.status() == PolicyStatus.ISSUED && !today.isAfter(policy.policyEnd()))
                .max(Comparator.comparing(Policy::policyEnd));
    }

    private boolean maySee(Actor actor, Quotation quotation) {
        return actor.seesWholeCity()
                || organizations.find(quotation.insurerOrgId()).filter(o -> organizations.isMember(actor, o)).isPresent()
                || organizations.find(quotation.buyerOrgId()).filter(o -> organizations.isMember(actor, o)).isPresent();
    }

    // --- steps of the process -----------------------------------------------------------------

    /**
     * {@code UserTask_IssueQuotation}: the letter (N4.4) with the computed premium, or a decline
     * with its reason. Everything is checked here, as the form checks only in the browser.
     *
     * @return the premium, or {@code null} when declined
     */
    @Transactional
    public BigDecimal recordQuotation(Actor actor, long quotationId, QuotationLetter letter) {
        Quotation quotation = byInsurer(actor, quotationId);
        String userId = actor.userId();
        requireStatus(quotation, Set.of(QuotationStatus.REQUESTED));
        gate.requireFiled(quotation.insurerOrgId());
        FieldViolations violations = new FieldViolations();
        if (PolicyUnderwritingProcess.DECLINE.equals(letter.decision())) {
            requireText(letter.declineReason(), PolicyUnderwritingProcess.VAR_DECLINE_REASON,
                    "拒绝报价须说明理由 (N4.4: a decline needs a reason)", violations);
            violations.throwIfAny();
            repository.recordDecline(quotationId, QuotationStatus.DECLINED, letter.declineReason().strip(), userId, now());
            return null;
        }
        if (!PolicyUnderwritingProcess.ISSUE.equals(letter.decision())) {
            throw new InvalidRequestException(PolicyUnderwritingProcess.VAR_QUOTATION_DECISION,
                    "请选择出具报价函或拒绝报价 (choose issue or decline)");
        }
        requireText(letter.insurancePlan(), PolicyUnderwritingProcess.VAR_INSURANCE_PLAN, "必须填写保险方案 (required)", violations);
        requireText(letter.preventionPlan(), PolicyUnderwritingProcess.VAR_PREVENTION_PLAN,
                "必须填写事故预防服务方案 (required)", violations);
        BigDecimal permille = ratePermille(letter, violations);
        requirePositive(letter.deathDisabilityLimit(), PolicyUnderwritingProcess.VAR_DEATH_DISABILITY_LIMIT, violations);
        requirePositive(letter.totalLimit(), PolicyUnderwritingProcess.VAR_TOTAL_LIMIT, violations);
        if (letter.deathDisabilityLimit() != null && letter.totalLimit() != null
                && letter.totalLimit().compareTo(letter.deathDisabilityLimit()) < 0) {
            violations.add(PolicyUnderwritingProcess.VAR_TOTAL_LIMIT, "累计限额不能低于每人限额 (total below the per-person limit)");
        }
        BigDecimal fee = letter.preventionFeePercent();
        if (fee == null || fee.signum() < 0) {
            violations.add(PolicyUnderwritingProcess.VAR_PREVENTION_FEE_PERCENT, "必须填写事故预防服务费用比例 (required)");
        } else if (fee.compareTo(properties.maxPreventionFeePercent()) > 0) {
            violations.add(PolicyUnderwritingProcess.VAR_PREVENTION_FEE_PERCENT, "事故预防服务费用不得超过保费的 "
                    + properties.maxPreventionFeePercent().stripTrailingZeros().toPlainString()
                    + "% (prevention-service fee above the maximum share of the premium)");
        }
        violations.throwIfAny();
        BigDecimal premium = premium(projects.require(quotation.projectId()).constructionContract().amount(), permille);
        repository.recordLetter(quotationId, letter, permille, premium, userId, now());
        return premium;
    }

    /** Contract amount × rate, to the fen (N4.4: the premium is computed, never typed). */
    static BigDecimal premium(BigDecimal contractAmount, BigDecimal ratePermille) {
        return contractAmount.multiply(ratePermille).divide(THOUSAND, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratePermille(QuotationLetter letter, FieldViolations violations) {
        BigDecimal rate = letter.premiumRate();
        if (rate == null || rate.signum() <= 0) {
            violations.add(PolicyUnderwritingProcess.VAR_PREMIUM_RATE, "费率须大于 0 (rate must be > 0)");
            return null;
        }
        String unit = letter.premiumRateUnit() == null ? "permille" : letter.premiumRateUnit();
        BigDecimal permille = switch (unit) {
            case "permille" -> rate;
            case "percent" -> rate.multiply(TEN);
            default -> {
                violations.add(PolicyUnderwritingProcess.VAR_PREMIUM_RATE_UNIT, "费率单位须为 ‰ 或 % (permille or percent)");
                yield null;
            }
        };
        if (permille != null && permille.compareTo(THOUSAND) >= 0) {
            violations.add(PolicyUnderwritingProcess.VAR_PREMIUM_RATE, "费率须低于 100% (rate must be below 100%)");
        }
        return permille;
    }

    /** {@code ServiceTask_ReportDecline}: the city bureau and the construction unit learn of a decline (N4.4). */
    @Transactional
    public void reportDecline(long quotationId) {
        Quotation quotation = requireQuotation(quotationId);
        Project project = projects.require(quotation.projectId());
        boolean atQuotation = quotation.status() == QuotationStatus.DECLINED;
        notices.declined(quotation, project, atQuotation ? "报价" : "核保",
                atQuotation ? quotation.declineReason() : quotation.reviewReason());
    }

    /** {@code ServiceTask_RemindInsurer}. */
    @Transactional
    public void remindInsurer(long quotationId) {
        Quotation quotation = requireQuotation(quotationId);
        notices.reminder(quotation, projects.require(quotation.projectId()));
    }

    /** {@code ServiceTask_EscalateQuotation}: to the insurer and its head office. */
    @Transactional
    public void escalateQuotation(long quotationId) {
        Quotation quotation = requireQuotation(quotationId);
        notices.escalation(quotation, projects.require(quotation.projectId()));
    }

    /**
     * {@code UserTask_Apply} (N6.1): the construction unit accepts this quotation with its documents,
     * which must be in the file store, and the project's other open quotations lapse; or it does not
     * accept this one ({@code notAccept}).
     */
    @Transactional
    public void recordApplication(Actor actor, long quotationId, ApplicationAnswer answer) {
        Quotation quotation = requireQuotation(quotationId);
        if (!organizations.isMember(actor, organizations.require(quotation.buyerOrgId()))) {
            throw new ForbiddenException("只有投保的施工单位可以办理此步骤 (only the buyer does this step)");
        }
        String userId = actor.userId();
        String decision = answer.decision();
        Application application = answer.application();
        requireStatus(quotation, Set.of(QuotationStatus.ISSUED, QuotationStatus.NEEDS_CORRECTION));
        if (PolicyUnderwritingProcess.NOT_ACCEPT.equals(decision)) {
            repository.setStatus(quotationId, QuotationStatus.NOT_ACCEPTED, now());
            return;
        }
        if (!PolicyUnderwritingProcess.APPLY.equals(decision)) {
            throw new InvalidRequestException(PolicyUnderwritingProcess.VAR_APPLICATION_DECISION,
                    "请选择投保或不接受 (choose apply or notAccept)");
        }
        FieldViolations violations = new FieldViolations();
        requireStoredFile(actor, application.contractHash(), PolicyUnderwritingProcess.VAR_CONTRACT, true,
                violations);
        requireStoredFile(actor, application.bidAwardHash(), PolicyUnderwritingProcess.VAR_BID_AWARD, false,
                violations);
        requireStoredFile(actor, application.applicationFormHash(), PolicyUnderwritingProcess.VAR_APPLICATION_FORM,
                true, violations);
        if (application.enterpriseHashes().isEmpty()) {
            violations.add(PolicyUnderwritingProcess.VAR_ENTERPRISE_DOCUMENT_1,
                    "至少上传一份企业资料（营业执照、安全生产许可证、安全负责人等） (at least one enterprise document)");
        }
        application.enterpriseHashes().forEach(hash ->
                requireStoredFile(actor, hash, PolicyUnderwritingProcess.VAR_ENTERPRISE_DOCUMENT_1, true, violations));
        violations.throwIfAny();
        if (!gate.isFiled(quotation.insurerOrgId())) {
            throw new ForbiddenException(InsurerGate.REFUSAL + "：请另选已备案的保险机构询价 (choose another filed insurer)");
        }
        OffsetDateTime now = now();
        repository.recordApplication(quotationId, application, userId, now);
        List<String> documents = new ArrayList<>(application.enterpriseHashes());
        documents.addAll(Arrays.asList(application.contractHash(), application.bidAwardHash(),
                application.applicationFormHash()));
        files.attached(FILE_RECORD, quotationId, documents);
        for (Quotation other : repository.quotationsOfProject(quotation.projectId(), OPEN)) {
            // a suspended insurer's quotation lapses wherever it stands: the builder chose another (N5.2)
            if (other.id() != quotationId
                    && (LAPSE_ON_ACCEPT.contains(other.status()) || !gate.isFiled(other.insurerOrgId()))) {
                repository.setStatus(other.id(), QuotationStatus.LAPSED, now);
                engine.correlateAll(PolicyUnderwritingProcess.MESSAGE_QUOTATION_LAPSED, other.id());
            }
        }
    }

    /**
     * N5.2: the insurer was suspended; each builder holding one of its open quotations is told that
     * it may choose another filed insurer, whose acceptance lapses this quotation
     * ({@link #recordApplication}). Once per quotation and suspension reason.
     */
    @Transactional
    public void insurerSuspended(long insurerOrgId, String reason) {
        String occasion = UUID.nameUUIDFromBytes(reason.getBytes(StandardCharsets.UTF_8)).toString();
        for (Quotation quotation : repository.quotationsOfInsurer(insurerOrgId, OPEN)) {
            notices.insurerSuspended(quotation, projects.require(quotation.projectId()), reason, occasion);
        }
    }

    private void requireStoredFile(Actor actor, String hash, String field, boolean required,
            FieldViolations violations) {
        if (hash == null || hash.isBlank()) {
            if (required) {
                violations.add(field, "请上传该文件 (required)");
            }
        } else {
            files.checkAttachable(actor, hash, field, violations);
        }
    }

    /** {@code UserTask_ReviewApplication}: {@code accept}, {@code corrections} or {@code decline}, the latter two with a reason. */
    @Transactional
    public void recordReview(Actor actor, long quotationId, UnderwritingReview review) {
        Quotation quotation = byInsurer(actor, quotationId);
        String userId = actor.userId();
        String decision = review.decision();
        String reason = review.reason();
        requireStatus(quotation, Set.of(QuotationStatus.APPLIED));
        QuotationStatus outcome = switch (decision == null ? "" : decision) {
            case PolicyUnderwritingProcess.ACCEPT -> QuotationStatus.UNDERWRITTEN;
            case PolicyUnderwritingProcess.CORRECTIONS -> QuotationStatus.NEEDS_CORRECTION;
            case PolicyUnderwritingProcess.DECLINE -> QuotationStatus.UNDERWRITING_DECLINED;
            default -> throw new InvalidRequestException(PolicyUnderwritingProcess.VAR_REVIEW_DECISION,
                    "请选择同意承保、退回补正或拒绝承保 (choose accept, corrections or decline)");
        };
        if (outcome == QuotationStatus.UNDERWRITTEN) {
            gate.requireFiled(quotation.insurerOrgId());
        } else if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(PolicyUnderwritingProcess.VAR_REVIEW_REASON,
                    "退回补正或拒绝承保须说明理由 (N4.4: a reason is required)");
        }
        repository.recordReview(quotationId, outcome, reason == null ? null : reason.strip(), userId, now());
    }

    /**
     * {@code UserTask_ConfirmPremium} (N4.3): the full premium, received in one payment; anything else
     * is refused and the task stays open. So is a second policy for the construction contract (N2.4),
     * and an insurer no longer filed, e.g. suspended since the review (N5.2: the gate at every step).
     */
    @Transactional
    public Quotation confirmPremium(Actor actor, long quotationId, PremiumReceipt receipt) {
        Quotation quotation = byInsurer(actor, quotationId);
        BigDecimal received = receipt.received();
        Boolean paidInOnePayment = receipt.paidInOnePayment();
        requireStatus(quotation, Set.of(QuotationStatus.UNDERWRITTEN));
        gate.requireFiled(quotation.insurerOrgId());
        if (repository.policyExistsForContract(quotation.contractId())) {
            throw secondPolicy(projects.require(quotation.projectId()).constructionContract());
        }
        if (!Boolean.TRUE.equals(paidInOnePayment)) {
            throw new InvalidRequestException(PolicyUnderwritingProcess.VAR_PAID_IN_ONE_PAYMENT,
                    "保费须一次性全额缴纳，不得分期 (N4.3: the full premium in one payment, no instalments)");
        }
        if (received == null || received.compareTo(quotation.premium()) != 0) {
            throw new InvalidRequestException(PolicyUnderwritingProcess.VAR_PREMIUM_RECEIVED,
                    "实收保费 " + (received == null ? "（未填写）" : received.toPlainString() + " 元") + " 与应收保费 "
                            + quotation.premium().toPlainString() + " 元不符：保费须一次性全额收取后方可出单，不得部分缴纳"
                            + " (N4.3: the premium must be received in full before the policy is issued)");
        }
        repository.recordPremium(quotationId, actor.userId(), now());
        return requireQuotation(quotationId);
    }

    /** {@code UserTask_Apply}: the buyer applies ({@code apply}, with its documents) or does not accept. */
    public record ApplicationAnswer(String decision, Application application) {
    }

    /** {@code UserTask_ReviewApplication}: {@code accept}, {@code corrections} or {@code decline} with a reason. */
    public record UnderwritingReview(String decision, String reason) {
    }

    /** {@code UserTask_ConfirmPremium}: the premium received and whether in one payment (N4.3). */
    public record PremiumReceipt(BigDecimal received, Boolean paidInOnePayment) {
    }

    /** The quotation, for a member of its insurer: the insurer's steps are done by its members only. */
    private Quotation byInsurer(Actor actor, long quotationId) {
        Quotation quotation = requireQuotation(quotationId);
        if (!organizations.isMember(actor, organizations.require(quotation.insurerOrgId()))) {
            throw new ForbiddenException("只有承保的保险机构可以办理此步骤 (only the quotation's insurer does this step)");
        }
        return quotation;
    }

    /**
     * {@code ServiceTask_IssuePolicy} (N4.5): the policy with a unique number, policy period =
     * contract period, as a row of the ledger. Retrying returns the policy already issued. No policy
     * is issued for an insurer no longer filed (N5.2): the step fails and stays as an incident.
     */
    @Transactional
    public Policy issuePolicy(long quotationId) {
        return repository.policyIdOfQuotation(quotationId).map(this::policy).orElseGet(() -> {
            Quotation quotation = requireQuotation(quotationId);
            requireStatus(quotation, Set.of(QuotationStatus.UNDERWRITTEN));
            gate.requireFiled(quotation.insurerOrgId());
            Project project = projects.require(quotation.projectId());
            ConstructionContract contract = project.constructionContract();
            UnderwritingRepository.PolicyTerms terms = new UnderwritingRepository.PolicyTerms(project.jurisdictionCode(),
                    project.name(), project.siteAddress(), contract.amount(), contract.start(), contract.end());
            OffsetDateTime now = now();
            long policyId = repository.insertPolicy(quotation, terms, repository.premiumConfirmedBy(quotationId),
                    properties.policyNumberPrefix(), now);
            repository.setStatus(quotationId, QuotationStatus.POLICY_ISSUED, now);
            return policy(policyId);
        });
    }

    /** {@code ServiceTask_ReportPolicy}: mail to the construction unit, report to the county recorded with time (N2.5). */
    @Transactional
    public void reportPolicy(long policyId) {
        Policy policy = policy(policyId);
        OffsetDateTime now = now();
        repository.markReported(policyId, now);
        notices.policyIssued(policy);
        notices.reportToCounty(policy, policy(policyId).reportedToCountyAt());
    }

    /**
     * {@code ServiceTask_StartServiceTeamRegistration}: correlates the start message
     * {@value PolicyUnderwritingProcess#MESSAGE_POLICY_ISSUED} with business key = policy id.
     */
    @Transactional
    public void announcePolicyIssued(long policyId) {
        Policy policy = policy(policyId);
        engine.startByMessage(PolicyUnderwritingProcess.MESSAGE_POLICY_ISSUED, policyId, Map.of(
                PolicyUnderwritingProcess.VAR_POLICY_ID, policyId,
                PolicyUnderwritingProcess.VAR_PROJECT_ID, policy.projectId(),
                PolicyUnderwritingProcess.VAR_INSURER_ORG_ID, policy.insurerOrgId(),
                PolicyUnderwritingProcess.VAR_POLICY_ISSUED_AT, Date.from(policy.issuedAt().toInstant())));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Quotation requireQuotation(long quotationId) {
        return repository.findQuotation(quotationId)
                .orElseThrow(() -> new NotFoundException("报价不存在 (no such quotation): " + quotationId));
    }

    private static void requireStatus(Quotation quotation, Set<QuotationStatus> allowed) {
        if (!allowed.contains(quotation.status())) {
            throw new ConflictException("status", "报价当前状态为「" + quotation.status().label() + "」，不能办理此步骤"
                    + " (not possible in this state)");
        }
    }

    private static ConflictException secondPolicy(ConstructionContract contract) {
        return new ConflictException("projectId", "施工合同 " + contract.number() + " 已有有效保单：同一施工合同只能投保一份，"
                + "不得拆分保单 (N2.4, N4.3: one policy per construction contract)");
    }

    private static void requireText(String value, String field, String message, FieldViolations violations) {
        if (value == null || value.isBlank()) {
            violations.add(field, message);
        }
    }

    private static void requirePositive(BigDecimal value, String field, FieldViolations violations) {
        if (value == null || value.signum() <= 0) {
            violations.add(field, "须大于 0 (must be > 0)");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
