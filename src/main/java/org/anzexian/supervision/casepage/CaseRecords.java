package org.anzexian.supervision.casepage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.claim.Claim;
import org.anzexian.claim.ClaimHandlingProcess;
import org.anzexian.claim.ClaimService;
import org.anzexian.claim.ClaimView;
import org.anzexian.filing.insurer.InsurerFiling;
import org.anzexian.filing.insurer.InsurerFilingProcess;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.serviceorg.ServiceOrgFiling;
import org.anzexian.filing.serviceorg.ServiceOrgFilingProcess;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.hazard.Hazard;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.files.StoredFile;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.platform.format.Money;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.anzexian.service.visit.PreventionServiceVisitProcess;
import org.anzexian.service.visit.Visit;
import org.anzexian.service.visit.VisitService;
import org.anzexian.supervision.casepage.CasePage.Document;
import org.anzexian.supervision.casepage.CasePage.Fact;
import org.anzexian.supervision.casepage.CasePage.Link;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.PolicyUnderwritingProcess;
import org.anzexian.underwriting.PolicyView;
import org.anzexian.underwriting.Quotation;
import org.anzexian.underwriting.UnderwritingQueries;
import org.anzexian.underwriting.UnderwritingService;
import org.springframework.stereotype.Component;

/**
 * The record behind a case page, read through its module's service with that service's own access check
 * ({@code get(actor, id)}: whoever may not see the record through {@code /api} gets the same 404 here):
 * its facts by name, related records, documents, the process instances (key and record ids) and the
 * archive entries (N6.4) about it.
 */
@Component
class CaseRecords {

    /** A record as a case page starts from it; {@code processes} maps a process key to the record ids of its instances. */
    record CaseRecord(CaseKind kind, long id, String title, String subtitle, List<Fact> facts, List<Link> related,
            List<Document> documents, Map<String, List<Long>> processes, List<ArchiveEntry> archive) {
    }

    private final ProjectService projects;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;
    private final HazardService hazards;
    private final VisitService visits;
    private final ClaimService claims;
    private final UnderwritingQueries policies;
    private final UnderwritingService underwriting;
    private final InsurerFilingService insurerFilings;
    private final ServiceOrgFilingService serviceOrgFilings;
    private final ServiceArchive archive;
    private final FileStore files;
    private final BusinessTime time;

    CaseRecords(ProjectService projects, OrganizationService organizations, JurisdictionService jurisdictions,
            HazardService hazards, VisitService visits, ClaimService claims, UnderwritingQueries policies,
            UnderwritingService underwriting, InsurerFilingService insurerFilings,
            ServiceOrgFilingService serviceOrgFilings, ServiceArchive archive, FileStore files, BusinessTime time) {
        this.projects = projects;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
        this.hazards = hazards;
        this.visits = visits;
        this.claims = claims;
        this.policies = policies;
        this.underwriting = underwriting;
        this.insurerFilings = insurerFilings;
        this.serviceOrgFilings = serviceOrgFilings;
        this.archive = archive;
        this.files = files;
        this.time = time;
    }

    /*
     * No transaction of our own: a record the actor may not see is a NotFoundException of its module's
     * transactional service, which would mark a surrounding transaction rollback-only.
     */
    public CaseRecord read(Actor actor, CaseKind kind, long id) {
        return switch (kind) {
            case PROJECT -> project(actor, id);
            case POLICY -> policy(actor, id);
            case HAZARD -> hazard(actor, id);
            case VISIT -> visit(actor, id);
            case CLAIM -> claim(actor, id);
            case INSURER_FILING -> insurerFiling(actor, id);
            case SERVICE_ORG_FILING -> serviceOrgFiling(actor, id);
        };
    }

    /** The record's name and number for lists (我的事项), if the actor may see it. */
    public Optional<String> title(Actor actor, CaseKind kind, long id) {
        try {
            return Optional.of(switch (kind) {
                case PROJECT -> projectTitle(projects.get(actor, id));
                case POLICY -> policyTitle(policies.policy(actor, id).policy());
                case HAZARD -> {
                    Hazard hazard = hazards.get(actor, id);
                    yield hazardTitle(hazard, projects.require(hazard.projectId()).name());
                }
                case VISIT -> {
                    Visit visit = visits.get(actor, id);
                    yield visitTitle(visit, projects.require(visit.projectId()));
                }
                case CLAIM -> {
                    Claim claim = claims.get(actor, id);
                    yield claimTitle(claim, projects.require(claim.projectId()).name());
                }
                case INSURER_FILING -> insurerFilingTitle(insurerFilings.get(actor, id));
                case SERVICE_ORG_FILING -> serviceOrgFilingTitle(serviceOrgFilings.get(actor, id));
            });
        } catch (NotFoundException | ForbiddenException notVisible) {
            return Optional.empty();
        }
    }

    // --- project ------------------------------------------------------------------------------------

    private CaseRecord project(Actor actor, long id) {
        Project project = projects.get(actor, id);
        Facts facts = new Facts()
                .add("项目编号", project.code())
                .add("项目名称", project.name())
                .add("工程地址", project.siteAddress())
                .add("所属区县", county(project.jurisdictionCode()))
                .add("工程类别", project.category().label())
                .add("施工单位", organizationName(project.constructionUnitId()))
                .add("合同金额", Money.yuan(project.contractAmount()))
                .add("合同工期", BusinessTime.period(project.contractStart(), project.contractEnd()))
                .add("施工许可", project.permitStatus().label());
        List<Link> related = new ArrayList<>();
        List<Policy> projectPolicies = visiblePolicies(actor, project);
        projectPolicies.forEach(policy -> related.add(policyLink(policy)));
        List<ArchiveEntry> entries = archive.entries(project.id());
        relatedFromArchive(actor, entries, related, null);
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        processes.put(PolicyUnderwritingProcess.KEY, projectPolicies.stream().map(Policy::quotationId).toList());
        processes.put(ServiceTeamRegistrationProcess.KEY, projectPolicies.stream().map(Policy::id).toList());
        return new CaseRecord(CaseKind.PROJECT, id, projectTitle(project), county(project.jurisdictionCode()),
                facts.list(), related, List.of(), processes, entries);
    }

    private List<Policy> visiblePolicies(Actor actor, Project project) {
        return underwriting.policiesOfContract(project.constructionContract().id()).stream()
                .filter(policy -> visible(() -> policies.policy(actor, policy.id())))
                .toList();
    }

    // --- policy -------------------------------------------------------------------------------------

    private CaseRecord policy(Actor actor, long id) {
        PolicyView view = policies.policy(actor, id);
        Policy policy = view.policy();
        Quotation quotation = underwriting.get(actor, policy.quotationId());
        Facts facts = new Facts()
                .add("保单号", policy.policyNumber())
                .link("项目", policy.projectCode() + " " + policy.projectName(), CaseKind.PROJECT.href(policy.projectId()))
                .add("所属区县", county(policy.jurisdictionCode()))
                .add("保险机构", policy.insurerName())
                .add("投保人", organizationName(policy.buyerOrgId()))
                .add("状态", policy.status().label())
                .add("保险期间", BusinessTime.period(policy.policyStart(), policy.policyEnd()))
                .add("合同金额", Money.yuan(policy.contractAmount()))
                .add("费率", policy.premiumRatePermille() == null ? "" : policy.premiumRatePermille().stripTrailingZeros().toPlainString() + "‰")
                .add("保费", Money.yuan(policy.premium()))
                .add("每人伤亡责任限额", Money.yuan(policy.deathDisabilityLimit()))
                .add("累计责任限额", Money.yuan(policy.totalLimit()))
                .add("事故预防服务费比例", policy.preventionFeePercent() == null ? ""
                        : policy.preventionFeePercent().stripTrailingZeros().toPlainString() + "%")
                .add("出单时间", time.minute(policy.issuedAt()))
                .add("报送县级住建部门", time.minute(policy.reportedToCountyAt()));
        view.premiumShares().forEach(share -> facts.add("保费分摊 · " + share.organizationName(),
                Money.yuan(share.amount()) + "（" + share.sharePercent().stripTrailingZeros().toPlainString() + "%）"));
        List<Link> related = new ArrayList<>();
        related.add(new Link(CaseKind.PROJECT.label(), policy.projectCode() + " " + policy.projectName(),
                CaseKind.PROJECT.href(policy.projectId())));
        visits.ofPolicy(actor, id).forEach(visit -> related.add(new Link(CaseKind.VISIT.label(),
                visitLabel(visit), CaseKind.VISIT.href(visit.id()))));
        relatedFromArchive(actor, archive.entries(policy.projectId()), related, id);
        List<Document> documents = new ArrayList<>();
        fileDocument(actor, quotation.contractHash(), "施工合同").ifPresent(documents::add);
        fileDocument(actor, quotation.bidAwardHash(), "中标通知书").ifPresent(documents::add);
        fileDocument(actor, quotation.applicationFormHash(), "投保单").ifPresent(documents::add);
        quotation.enterpriseHashes().forEach(hash -> fileDocument(actor, hash, "企业资料").ifPresent(documents::add));
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        processes.put(PolicyUnderwritingProcess.KEY, List.of(policy.quotationId()));
        processes.put(ServiceTeamRegistrationProcess.KEY, List.of(policy.id()));
        List<ArchiveEntry> entries = new ArrayList<>(archive.entriesAbout(ArchiveSubject.POLICY, id));
        entries.addAll(archive.entriesAbout(ArchiveSubject.SERVICE_TEAM, id));
        return new CaseRecord(CaseKind.POLICY, id, policyTitle(policy),
                county(policy.jurisdictionCode()) + " · " + policy.projectCode() + " " + policy.projectName(),
                facts.list(), related, documents, processes, entries);
    }

    // --- hazard -------------------------------------------------------------------------------------

    private CaseRecord hazard(Actor actor, long id) {
        HazardService.HazardContext context = hazards.context(actor, id);
        Hazard hazard = context.hazard();
        Facts facts = new Facts()
                .link("项目", context.projectCode() + " " + context.projectName(), CaseKind.PROJECT.href(hazard.projectId()))
                .add("所属区县", context.countyName())
                .add("严重程度", hazard.severityLabel())
                .add("类别", hazard.categoryLabel())
                .add("部位", hazard.location())
                .add("描述", hazard.description())
                .add("整改措施", hazard.proposedMeasure())
                .add("状态", hazard.statusLabel() + (context.lateness().isEmpty() ? "" : "（" + context.lateness() + "）"))
                .add("整改期限", time.minute(hazard.deadlineAt()))
                .add("整改轮次", "第 " + hazard.round() + " 轮")
                .add("督办", hazard.escalation() == null ? "" : hazard.escalation().label())
                .add("施工单位", context.constructionUnitName())
                .add("复核服务机构", context.verifierName())
                .add("保险机构", hazard.insurerOrgId() == null ? "" : organizationName(hazard.insurerOrgId()))
                .add("发现时间", time.minute(hazard.raisedAt()))
                .add("销号时间", time.minute(hazard.closedAt()));
        List<Link> related = new ArrayList<>();
        related.add(new Link(CaseKind.PROJECT.label(), context.projectCode() + " " + context.projectName(),
                CaseKind.PROJECT.href(hazard.projectId())));
        policyLink(actor, hazard.policyId()).ifPresent(related::add);
        switch (hazard.source()) {
            case VISIT -> visibleLink(actor, CaseKind.VISIT, hazard.sourceId()).ifPresent(related::add);
            case CLAIM_RECOMMENDATION -> visibleLink(actor, CaseKind.CLAIM, hazard.sourceId()).ifPresent(related::add);
        }
        List<Document> documents = new ArrayList<>();
        hazard.photos().forEach(sha -> documents.add(document(sha, "隐患照片", "/api/hazards/" + id + "/files/" + sha)));
        hazard.rounds().forEach(round -> round.evidenceFiles().forEach(sha -> documents.add(document(sha,
                "第 " + round.round() + " 轮整改材料", "/api/hazards/" + id + "/files/" + sha))));
        return new CaseRecord(CaseKind.HAZARD, id, hazardTitle(hazard, context.projectName()),
                context.countyName() + " · " + context.projectCode() + " " + context.projectName(), facts.list(), related,
                documents, Map.of(HazardRectificationProcess.KEY, List.of(id)),
                archive.entriesAbout(ArchiveSubject.HAZARD, id));
    }

    // --- visit --------------------------------------------------------------------------------------

    private CaseRecord visit(Actor actor, long id) {
        Visit visit = visits.get(actor, id);
        Project project = projects.require(visit.projectId());
        Facts facts = new Facts()
                .link("项目", project.code() + " " + project.name(), CaseKind.PROJECT.href(project.id()))
                .add("所属区县", county(visit.jurisdictionCode()))
                .add("服务类型", visit.kind().label() + (visit.seq() == null ? "" : " 第 " + visit.seq() + " 次"))
                .add("状态", visit.statusLabel())
                .add("服务机构", organizationName(visit.serviceOrgId()))
                .add("保险机构", organizationName(visit.insurerOrgId()))
                .add("施工单位", organizationName(visit.constructionUnitId()))
                .add("应服务时间", time.minute(visit.dueAt()))
                .add("加派原因", visit.requestReason())
                .add("到场", time.minute(visit.arrivedAt()))
                .add("离场", time.minute(visit.leftAt()))
                .add("服务人员", String.join("、", visit.attendees()))
                .add("服务内容", String.join("；", visit.serviceItems()))
                .add("拒绝服务原因", visit.refusalReason())
                .add("报告期限", time.minute(visit.reportDueAt()))
                .add("报告上传", time.minute(visit.reportUploadedAt()) + (visit.reportLate() ? "（逾期）" : ""))
                .add("未按期服务", visit.missed() ? "是，" + time.minute(visit.missedAt()) : "");
        List<Link> related = new ArrayList<>();
        related.add(new Link(CaseKind.PROJECT.label(), project.code() + " " + project.name(),
                CaseKind.PROJECT.href(project.id())));
        policyLink(actor, visit.policyId()).ifPresent(related::add);
        visit.hazards().stream().filter(hazard -> hazard.hazardId() != null)
                .forEach(hazard -> visibleLink(actor, CaseKind.HAZARD, hazard.hazardId()).ifPresent(related::add));
        List<Document> documents = new ArrayList<>();
        if (visit.reportFile() != null) {
            documents.add(document(visit.reportFile(), "服务报告", "/api/visits/" + id + "/files/" + visit.reportFile()));
        }
        visit.hazards().forEach(hazard -> hazard.photos().forEach(sha -> documents.add(document(sha,
                "隐患照片 · " + hazard.location(), "/api/visits/" + id + "/files/" + sha))));
        return new CaseRecord(CaseKind.VISIT, id, visitTitle(visit, project),
                county(visit.jurisdictionCode()) + " · " + project.code() + " " + project.name(), facts.list(), related,
                documents, Map.of(PreventionServiceVisitProcess.KEY, List.of(id)),
                archive.entriesAbout(ArchiveSubject.VISIT, id));
    }

    // --- claim --------------------------------------------------------------------------------------

    private CaseRecord claim(Actor actor, long id) {
        ClaimView view = claims.view(actor, id);
        Claim claim = view.claim();
        Facts facts = new Facts()
                .link("项目", view.projectCode() + " " + view.projectName(), CaseKind.PROJECT.href(claim.projectId()))
                .add("所属区县", view.county())
                .add("保单号", claim.policyNumber())
                .add("保险机构", view.insurerName())
                .add("施工单位", view.builderName())
                .add("状态", claim.statusLabel())
                .add("事故时间", time.minute(claim.accidentAt()))
                .add("报案时间", time.minute(claim.reportedAt()) + (claim.late() ? "（超过 24 小时）" : ""))
                .add("报案方式", view.channelLabel())
                .add("事故类型", view.accidentTypeLabel())
                .add("事故部位", claim.place())
                .add("伤亡", "死亡 " + claim.deaths() + " 人，受伤 " + claim.injuries() + " 人")
                .add("事故经过", claim.description())
                .add("报案人", claim.reporterName())
                .add("受理期限", time.minute(claim.acknowledgementDueAt()))
                .add("受理时间", time.minute(claim.acknowledgedAt()))
                .add("估损金额", Money.yuan(claim.estimatedLoss()))
                .add("核定期限", time.minute(claim.decisionDueAt()))
                .add("核定结论", claim.covered() == null ? "" : (claim.covered() ? "属于保险责任" : "不属于保险责任")
                        + (claim.decisionReason() == null ? "" : "：" + claim.decisionReason()))
                .add("核定赔款", Money.yuan(claim.agreedAmount()))
                .add("支付期限", time.minute(claim.paymentDueAt()))
                .add("已付赔款", Money.yuan(claim.paidAmount()) + (claim.paidOn() == null ? "" : "（" + BusinessTime.day(claim.paidOn()) + "）"));
        claim.breaches().forEach(breach -> facts.add("超时", breach.label() + "（期限 " + time.minute(breach.dueAt()) + "）"));
        List<Link> related = new ArrayList<>();
        related.add(new Link(CaseKind.PROJECT.label(), view.projectCode() + " " + view.projectName(),
                CaseKind.PROJECT.href(claim.projectId())));
        policyLink(actor, claim.policyId()).ifPresent(related::add);
        claim.recommendations().forEach(recommendation -> hazardOf(recommendation)
                .flatMap(hazardId -> visibleLink(actor, CaseKind.HAZARD, hazardId)).ifPresent(related::add));
        List<Document> documents = new ArrayList<>();
        view.photos().forEach(file -> documents.add(new Document(file.name(), "现场照片", file.url())));
        view.documents().forEach(file -> documents.add(new Document(file.name(), "索赔材料", file.url())));
        return new CaseRecord(CaseKind.CLAIM, id, claimTitle(claim, view.projectName()),
                view.county() + " · " + view.projectCode() + " " + view.projectName(), facts.list(), related, documents,
                Map.of(ClaimHandlingProcess.KEY, List.of(id)), archive.entriesAbout(ArchiveSubject.CLAIM, id));
    }

    private static Optional<Long> hazardOf(Claim.Recommendation recommendation) {
        return Optional.ofNullable(recommendation.hazardId());
    }

    // --- filings ------------------------------------------------------------------------------------

    private CaseRecord insurerFiling(Actor actor, long id) {
        InsurerFiling filing = insurerFilings.get(actor, id);
        Facts facts = new Facts()
                .add("备案编号", filing.filingNumber())
                .add("保险机构", organizationName(filing.insurerOrgId()))
                .add("分支机构", filing.branchName())
                .add("统一社会信用代码", filing.branchCreditCode())
                .add("总公司", filing.data().parentName())
                .add("状态", filing.status().label())
                .add("补正轮次", "第 " + filing.round() + " 轮")
                .add("提交时间", time.minute(filing.submittedAt()))
                .add("备案时间", time.minute(filing.filedAt()))
                .add("暂停时间", time.minute(filing.suspendedAt()))
                .add("暂停原因", filing.suspensionReason());
        filing.checks().forEach(check -> facts.check(check.label(), check.passed(), check.reason()));
        filing.decisions().forEach(decision -> facts.add("审核 · " + time.minute(decision.decidedAt()),
                decisionLabel(decision.decision().name()) + (decision.reason() == null ? "" : "：" + decision.reason())));
        List<Document> documents = new ArrayList<>();
        fileDocument(actor, filing.data().parentAuthorizationHash(), "总公司授权书").ifPresent(documents::add);
        return new CaseRecord(CaseKind.INSURER_FILING, id, insurerFilingTitle(filing), filing.status().label(),
                facts.list(), List.of(), documents, Map.of(InsurerFilingProcess.KEY, List.of(id)), List.of());
    }

    private CaseRecord serviceOrgFiling(Actor actor, long id) {
        ServiceOrgFiling filing = serviceOrgFilings.get(actor, id);
        Facts facts = new Facts()
                .add("备案编号", filing.filingNumber())
                .add("服务机构", filing.data().companyName())
                .add("统一社会信用代码", filing.data().creditCode())
                .add("负责人", filing.data().principal())
                .add("地址", filing.data().address())
                .add("状态", filing.statusLabel())
                .add("提交时间", time.minute(filing.submittedAt()))
                .add("审核结论", filing.reviewDecision() == null ? "" : filing.reviewDecision().label()
                        + (filing.reviewReason() == null ? "" : "：" + filing.reviewReason()))
                .add("备案时间", time.minute(filing.filedAt()));
        filing.checks().forEach(check -> facts.check(check.label(), check.passed(), check.reason()));
        List<Document> documents = new ArrayList<>();
        filing.data().evidenceFiles().forEach(hash -> fileDocument(actor, hash, "服务经历证明").ifPresent(documents::add));
        fileDocument(actor, filing.data().qualitySystemFile(), "质量控制体系文件").ifPresent(documents::add);
        return new CaseRecord(CaseKind.SERVICE_ORG_FILING, id, serviceOrgFilingTitle(filing), filing.statusLabel(),
                facts.list(), List.of(), documents, Map.of(ServiceOrgFilingProcess.KEY, List.of(id)), List.of());
    }

    private static String decisionLabel(String decision) {
        return switch (decision) {
            case "APPROVE" -> "准予备案";
            case "REJECT" -> "不予备案";
            case "MORE_INFO" -> "要求补正";
            case "REINSTATE" -> "恢复备案";
            default -> decision;
        };
    }

    // --- titles -------------------------------------------------------------------------------------

    private static String projectTitle(Project project) {
        return "项目 " + project.code() + " " + project.name();
    }

    private static String policyTitle(Policy policy) {
        return "保单 " + policy.policyNumber() + " · " + policy.projectName();
    }

    private static String hazardTitle(Hazard hazard, String projectName) {
        return "隐患 " + hazard.id() + " · " + hazard.severityLabel() + " · " + hazard.categoryLabel() + " · " + projectName;
    }

    private static String visitTitle(Visit visit, Project project) {
        return "巡查服务 " + visit.id() + " · " + visit.kind().label() + " · " + project.name();
    }

    private String visitLabel(Visit visit) {
        return visit.id() + " · " + visit.kind().label() + " · " + time.day(visit.dueAt()) + " · " + visit.statusLabel();
    }

    private static String claimTitle(Claim claim, String projectName) {
        return "理赔 " + claim.id() + " · " + claim.accidentType().label() + " · " + projectName;
    }

    private String insurerFilingTitle(InsurerFiling filing) {
        return "保险机构备案 " + (filing.filingNumber() == null ? String.valueOf(filing.id()) : filing.filingNumber())
                + " · " + (filing.branchName() == null ? organizationName(filing.insurerOrgId()) : filing.branchName());
    }

    private static String serviceOrgFilingTitle(ServiceOrgFiling filing) {
        return "服务机构备案 " + (filing.filingNumber() == null ? String.valueOf(filing.id()) : filing.filingNumber())
                + " · " + filing.data().companyName();
    }

    // --- related records ----------------------------------------------------------------------------

    /** Hazards, claims and visits the project's archive names, that the actor may see (of one policy if given). */
    private void relatedFromArchive(Actor actor, List<ArchiveEntry> entries, List<Link> related, Long policyId) {
        Set<Long> hazardIds = subjects(entries, ArchiveSubject.HAZARD);
        Set<Long> claimIds = subjects(entries, ArchiveSubject.CLAIM);
        Set<Long> visitIds = subjects(entries, ArchiveSubject.VISIT);
        Set<String> present = new LinkedHashSet<>(related.stream().map(Link::href).toList());
        for (long hazardId : hazardIds) {
            visibleRecord(() -> hazards.get(actor, hazardId))
                    .filter(hazard -> policyId == null || hazard.policyId() == policyId)
                    .map(hazard -> new Link(CaseKind.HAZARD.label(), hazard.id() + " · " + hazard.severityLabel() + " · "
                            + hazard.categoryLabel() + " · " + hazard.statusLabel(), CaseKind.HAZARD.href(hazard.id())))
                    .filter(link -> present.add(link.href())).ifPresent(related::add);
        }
        for (long claimId : claimIds) {
            visibleRecord(() -> claims.get(actor, claimId))
                    .filter(claim -> policyId == null || claim.policyId() == policyId)
                    .map(claim -> new Link(CaseKind.CLAIM.label(), claim.id() + " · " + claim.accidentType().label() + " · "
                            + claim.statusLabel(), CaseKind.CLAIM.href(claim.id())))
                    .filter(link -> present.add(link.href())).ifPresent(related::add);
        }
        for (long visitId : visitIds) {
            visibleRecord(() -> visits.get(actor, visitId))
                    .filter(visit -> policyId == null || visit.policyId() == policyId)
                    .map(visit -> new Link(CaseKind.VISIT.label(), visitLabel(visit), CaseKind.VISIT.href(visit.id())))
                    .filter(link -> present.add(link.href())).ifPresent(related::add);
        }
    }

    private static Set<Long> subjects(Collection<ArchiveEntry> entries, ArchiveSubject subject) {
        Set<Long> ids = new LinkedHashSet<>();
        entries.stream().filter(entry -> entry.subject() == subject).forEach(entry -> ids.add(entry.subjectId()));
        return ids;
    }

    private Optional<Link> policyLink(Actor actor, long policyId) {
        return visibleRecord(() -> policies.policy(actor, policyId)).map(view -> policyLink(view.policy()));
    }

    private static Link policyLink(Policy policy) {
        return new Link(CaseKind.POLICY.label(), policy.policyNumber() + " · " + policy.insurerName(),
                CaseKind.POLICY.href(policy.id()));
    }

    private Optional<Link> visibleLink(Actor actor, CaseKind kind, long id) {
        return title(actor, kind, id).map(title -> new Link(kind.label(), title, kind.href(id)));
    }

    private interface Read<T> {
        T get();
    }

    private static <T> Optional<T> visibleRecord(Read<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (NotFoundException | ForbiddenException notVisible) {
            return Optional.empty();
        }
    }

    private static boolean visible(Read<?> read) {
        return visibleRecord(read).isPresent();
    }

    // --- documents and names ------------------------------------------------------------------------

    private Document document(String sha256, String note, String href) {
        String name = files.find(sha256).map(StoredFile::fileName).orElse(sha256.substring(0, Math.min(12, sha256.length())));
        return new Document(name, note, href);
    }

    /** A file by its hash through {@code /api/files}, if the actor may read it there. */
    private Optional<Document> fileDocument(Actor actor, String sha256, String note) {
        if (sha256 == null || sha256.isBlank()) {
            return Optional.empty();
        }
        return visibleRecord(() -> files.readableBy(actor, sha256))
                .map(file -> new Document(file.fileName(), note, "/api/files/" + sha256));
    }

    private String organizationName(long id) {
        return organizations.find(id).map(Organization::name).orElse(String.valueOf(id));
    }

    private String county(String code) {
        return code == null ? "" : jurisdictions.find(code).map(Jurisdiction::name).orElse(code);
    }

    /** Facts in order; a blank value is left out. */
    private static final class Facts {

        private final List<Fact> facts = new ArrayList<>();

        Facts add(String label, String value) {
            if (value != null && !value.isBlank()) {
                facts.add(Fact.of(label, value));
            }
            return this;
        }

        Facts link(String label, String value, String href) {
            facts.add(new Fact(label, value, href));
            return this;
        }

        /** A filing's check: 核查 · 营业执照 → 通过：… */
        Facts check(String label, boolean passed, String reason) {
            return add("核查 · " + label, (passed ? "通过" : "未通过") + (reason == null || reason.isBlank() ? "" : "：" + reason));
        }

        List<Fact> list() {
            return List.copyOf(facts);
        }
    }
}
