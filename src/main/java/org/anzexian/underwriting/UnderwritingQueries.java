package org.anzexian.underwriting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.files.StoredFile;

import java.util.List;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.ProcessGateway;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.platform.format.Money;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The letter page, the payment callbacks and the permit check (N1.1) over {@link UnderwritingService} and {@link EndorsementService}. */
@Service
public class UnderwritingQueries {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final String NO_POLICY = "无有效保单 (no policy in force)";

    private final UnderwritingService underwriting;
    private final ProjectService projects;
    private final OrganizationService organizations;
    private final EndorsementService endorsements;
    private final ProcessGateway engine;

    private final FileStore files;
    private final CaseSummaries summaries;
    private final Clock clock;

    UnderwritingQueries(UnderwritingService underwriting, ProjectService projects, OrganizationService organizations,
            EndorsementService endorsements, ProcessGateway engine, FileStore files, CaseSummaries summaries,
            Clock clock) {
        this.underwriting = underwriting;
        this.files = files;
        this.summaries = summaries;
        this.clock = clock;
        this.endorsements = endorsements;
        this.projects = projects;
        this.organizations = organizations;
        this.engine = engine;
    }

    /** The printable letter of an issued quotation, for its insurer, its buyer and the city. */
    @Transactional(readOnly = true)
    public String letter(Actor actor, long quotationId) {
        Quotation quotation = underwriting.get(actor, quotationId);
        if (quotation.issuedAt() == null) {
            throw new NotFoundException("尚未出具报价函 (no letter issued yet): " + quotationId);
        }
        return QuotationLetterPage.render(quotation, projects.require(quotation.projectId()),
                organizations.require(quotation.insurerOrgId()).name(), organizations.require(quotation.buyerOrgId()).name());
    }

    /**
     * What the quotation's tasks show (#12): the project, the parties, the letter and the application's
     * documents; for the quotation's insurer, its buyer and the city (others: 404, as the quotation).
     */
    @Transactional(readOnly = true)
    public QuotationContext context(Actor actor, long quotationId) {
        Quotation quotation = underwriting.get(actor, quotationId);
        Project project = projects.require(quotation.projectId());
        var contract = project.constructionContract();
        QuotationContext.Letter letter = quotation.issuedAt() == null ? null : new QuotationContext.Letter(
                quotation.insurancePlan(), quotation.premiumRatePermille().stripTrailingZeros().toPlainString() + "‰",
                Money.yuan(quotation.premium()), Money.yuan(quotation.deathDisabilityLimit()),
                Money.yuan(quotation.totalLimit()), quotation.preventionPlan(),
                quotation.preventionFeePercent().stripTrailingZeros().toPlainString() + "%", day(quotation.issuedAt()),
                BusinessTime.period(contract.start(), contract.end()));
        List<QuotationContext.Document> documents = new ArrayList<>();
        document(documents, "施工合同", quotation.contractHash());
        document(documents, "中标通知书", quotation.bidAwardHash());
        document(documents, "加盖公章的投保单", quotation.applicationFormHash());
        quotation.enterpriseHashes().forEach(hash -> document(documents, "企业资料", hash));
        return new QuotationContext(quotation.id(), quotation.status(),
                new QuotationContext.Project(project.code(), project.name(), summaries.county(project),
                        project.siteAddress(), project.category().label() + " / " + project.subtype().label(),
                        Money.yuan(contract.amount()),
                        BusinessTime.period(contract.start(), contract.end())),
                organizations.require(quotation.buyerOrgId()).name(),
                organizations.require(quotation.insurerOrgId()).name(), letter, documents,
                quotation.appliedAt() == null ? null : day(quotation.appliedAt()), quotation.reviewReason());
    }

    private void document(List<QuotationContext.Document> documents, String label, String sha256) {
        if (sha256 != null && !sha256.isBlank()) {
            String name = files.find(sha256).map(StoredFile::fileName).orElse(sha256.substring(0, 12));
            documents.add(new QuotationContext.Document(label, name, sha256, "/api/files/" + sha256));
        }
    }

    private String day(OffsetDateTime at) {
        return DAY_TIME.format(at.atZoneSameInstant(clock.getZone()));
    }

    /**
     * {@code POST /api/quotations/{id}/premium}: the premium step's one method
     * ({@link UnderwritingService#confirmPremium}, N4.3) for the calling user, then the task completes
     * with what it recorded.
     */
    @Transactional
    public void confirmPremium(Actor actor, long quotationId, UnderwritingController.PremiumPayment payment) {
        Quotation quotation = underwriting.get(actor, quotationId);
        if (!organizations.isMember(actor, organizations.require(quotation.insurerOrgId()))) {
            throw new ForbiddenException("只有承保的保险机构可以确认保费 (only the insurer confirms the premium)");
        }
        ProcessGateway.OpenTask task = engine.openTask(PolicyUnderwritingProcess.KEY, quotationId,
                PolicyUnderwritingProcess.TASK_CONFIRM_PREMIUM).orElseThrow(() ->
                        new NotFoundException("该报价当前没有待确认的保费 (no premium to confirm): " + quotationId));
        engine.completeRecorded(task, actor, underwriting.confirmPremium(actor, quotationId,
                new UnderwritingService.PremiumReceipt(payment.amount(), payment.onePayment())));
    }

    /** A policy with its premium shares, for whoever may see its quotation (insurer, buyer, bureaus). */
    @Transactional(readOnly = true)
    public PolicyView policy(Actor actor, long policyId) {
        Policy policy = underwriting.policy(policyId);
        try {
            underwriting.get(actor, policy.quotationId());
        } catch (NotFoundException notVisible) {
            throw new NotFoundException("保单不存在 (no such policy): " + policyId);
        }
        return new PolicyView(policy, PremiumShare.of(policy.premium(), projects.require(policy.projectId()),
                id -> organizations.require(id).name()));
    }

    /**
     * N1.1 per project: does the project hold a policy in force today or starting later (bought before
     * the permit) whose period holds the project's construction period, with no endorsement pending?
     */
    @Transactional(readOnly = true)
    public ProjectInsurance insurance(Actor actor, String projectCode) {
        Project project = projects.getByCode(actor, projectCode);
        var today = underwriting.today();
        return underwriting.effectivePolicy(project.constructionContract().id()).map(policy -> {
            List<String> reasons = endorsements.notInsuredReasons(project, policy);
            return new ProjectInsurance(project.code(), project.name(), reasons.isEmpty(),
                    reasons.isEmpty() ? null : String.join("；", reasons), policy.policyNumber(), policy.insurerName(),
                    policy.policyStart(), policy.policyEnd(), policy.premium(),
                    endorsements.pendingForProject(project.id()).map(Endorsement::id).orElse(null), today);
        }).orElse(new ProjectInsurance(project.code(), project.name(), false, NO_POLICY, null, null, null, null, null,
                null, today));
    }

    /** An endorsement, for its policy's insurer, its buyer and the city. */
    @Transactional(readOnly = true)
    public Endorsement endorsement(Actor actor, long endorsementId) {
        return endorsements.get(actor, endorsementId);
    }

    /**
     * {@code POST /api/endorsements/{id}/premium}: the endorsement's premium step
     * ({@link EndorsementService#confirmPremium}, N4.3) for the calling user, then the task completes.
     */
    @Transactional
    public void confirmEndorsementPremium(Actor actor, long endorsementId, UnderwritingController.PremiumPayment payment) {
        endorsements.get(actor, endorsementId);
        ProcessGateway.OpenTask task = engine.openTask(PolicyEndorsementProcess.KEY, endorsementId,
                PolicyEndorsementProcess.TASK_CONFIRM_PREMIUM).orElseThrow(() ->
                        new NotFoundException("该批改当前没有待确认的保费 (no additional premium to confirm): " + endorsementId));
        engine.completeRecorded(task, actor, endorsements.confirmPremium(actor, endorsementId,
                new UnderwritingService.PremiumReceipt(payment.amount(), payment.onePayment())));
    }
}
