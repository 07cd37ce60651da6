package org.anzexian.filing.insurer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.insurer.InsurerFilingData.RelatedOrganization;
import org.anzexian.filing.insurer.InsurerFilingData.Relation;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * For tests of other modules: insurers made FILED through the real filing flow (a passing filing,
 * approved by a city reviewer), each a branch of its own new head office with one clerk.
 */
public final class FiledInsurers {

    private final InsurerFilingFixtures fixtures;
    private final InsurerFilingService filings;
    private final ProcessEngine engine;
    private final GroupDirectory groups;
    private final Clock clock;

    public FiledInsurers(OrganizationService organizations, GroupDirectory groups, FileStore files,
            InsurerFilingService filings, ProcessEngine engine, Clock clock) {
        this.fixtures = new InsurerFilingFixtures(organizations, groups, files);
        this.filings = filings;
        this.engine = engine;
        this.groups = groups;
        this.clock = clock;
    }

    public record Insurer(Organization organization, Organization parent, Actor clerk, String email) {
    }

    /** A filing under way and the branch that submitted it. */
    public record Submitted(InsurerFiling filing, Insurer insurer) {
    }

    /** A new branch's filing that passed its checks and waits for the city bureau's review. */
    public Submitted inReview() {
        InsurerFilingFixtures.Insurer insurer = fixtures.branch();
        InsurerFiling filing = filings.submit(insurer.clerk(), InsurerFilingFixtures.passingData(insurer, LocalDate.now(clock)));
        return new Submitted(filing, new Insurer(insurer.organization(), insurer.parent(), insurer.clerk(), insurer.email()));
    }

    /** A new branch's filing that failed a check (too little experience) and waits for the branch's correction. */
    public Submitted needingCorrection() {
        InsurerFilingFixtures.Insurer insurer = fixtures.branch();
        InsurerFiling filing = filings.submit(insurer.clerk(), FilingDataChanges.experience(
                InsurerFilingFixtures.passingData(insurer, LocalDate.now(clock)), new InsurerFilingData.Experience(10, 120, 300)));
        return new Submitted(filing, new Insurer(insurer.organization(), insurer.parent(), insurer.clerk(), insurer.email()));
    }

    /**
     * The fields of the Tasklist start form {@code forms/insurerFiling.html} as the insurer's clerk
     * fills them in for a filing that passes every check (licenses, audit, leads, experience), the scans
     * uploaded as files (the fixture's documents).
     */
    public Map<String, Object> startForm(Insurer insurer) {
        return startForm(insurer.organization(), insurer.parent(), LocalDate.now(clock));
    }

    /** As {@link #startForm(Insurer)}, for a branch of {@code parent} on {@code today}. */
    public static Map<String, Object> startForm(Organization branch, Organization parent, LocalDate today) {
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("parentName", parent.name());
        form.put("parentCreditCode", parent.creditCode());
        form.put("parentAuthorizationFile", InsurerFilingFixtures.upload('a'));
        form.put("businessLicenseNumber", "BL-" + branch.id());
        form.put("businessLicenseValidUntil", today.plusYears(2).toString());
        form.put("businessLicenseFile", InsurerFilingFixtures.upload('b'));
        form.put("insuranceLicenseNumber", "IL-" + branch.id());
        form.put("insuranceLicenseValidUntil", today.plusYears(2).toString());
        form.put("insuranceLicenseFile", InsurerFilingFixtures.upload('c'));
        form.put("principalName", "刘洋");
        form.put("principalPhone", "0350-1234567");
        form.put("auditYear", 2023L);
        form.put("auditor", "忻州正信会计师事务所");
        form.put("comprehensiveSolvencyRatio", 185.3);
        form.put("coreSolvencyRatio", 120L);
        form.put("solvencyStatement", true);
        form.put("auditReportFile", InsurerFilingFixtures.upload('d'));
        form.put("lead1Name", "王强");
        form.put("lead1YearsOfWork", 8L);
        form.put("lead1ProofType", "SOCIAL_INSURANCE");
        form.put("lead1ProofFile", InsurerFilingFixtures.upload('e'));
        form.put("manager1Name", "张伟");
        form.put("manager1Position", "安责险业务部经理");
        form.put("claimsLinePhone", "0350-95518");
        form.put("claimsMember1Name", "赵敏");
        form.put("claimsMember1Position", "理赔专员");
        form.put("insurancePlan", "建筑施工安全生产责任保险方案");
        form.put("policyTerms", "条款");
        form.put("claimsServicePlan", "接报案后24小时内查勘");
        form.put("preventionPlan", "每月一次事故预防服务");
        form.put("serviceOrgAssessment", "按季度考核服务机构");
        form.put("policiesUnderwritten", 500L);
        form.put("claimsHandled", 120L);
        form.put("preventionServicesDelivered", 300L);
        return form;
    }

    /** A branch that is registered but never filed (N5.2). */
    public Insurer unfiled() {
        InsurerFilingFixtures.Insurer insurer = fixtures.branch();
        return new Insurer(insurer.organization(), insurer.parent(), insurer.clerk(), insurer.email());
    }

    public Insurer filed() {
        return filedRelatedTo(List.of());
    }

    /** A filed branch whose filing declares a shared principal with these organizations (N3.6). */
    public Insurer filedRelatedTo(List<Organization> related) {
        InsurerFilingFixtures.Insurer insurer = fixtures.branch();
        InsurerFilingData passing = InsurerFilingFixtures.passingData(insurer, LocalDate.now(clock));
        List<RelatedOrganization> relations = new ArrayList<>(passing.relatedOrganizations());
        related.forEach(org -> relations.add(new RelatedOrganization(Relation.SHARES_PRINCIPAL, org.name(), org.creditCode())));
        InsurerFilingData data = new InsurerFilingData(passing.insurerOrgId(), passing.parentName(),
                passing.parentCreditCode(), passing.parentAuthorizationHash(), passing.businessLicense(),
                passing.insuranceLicense(), passing.principal(), relations, passing.auditReport(), passing.projectLeads(),
                passing.managementTeam(), passing.insurancePlan(), passing.policyTerms(), passing.claimsService(),
                passing.preventionPlan(), passing.experience());
        InsurerFiling filing = filings.submit(insurer.clerk(), data);
        // one reviewer for all fixture filings: each member of the city bureau receives every city notice
        String reviewer = "freviewer";
        groups.ensureUser(reviewer, "审核", "人", reviewer + "@filing.test.anzexian.local", reviewer);
        groups.ensureMembership(reviewer, PlatformGroups.CITY_BUREAU);
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(filing.processInstanceId()).singleResult();
        engine.getIdentityService().setAuthentication(reviewer, List.of(PlatformGroups.CITY_BUREAU));
        try {
            engine.getTaskService().complete(review.getId(), Map.of(InsurerFilingProcess.VAR_REVIEW_DECISION, "approve"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(filing.processInstanceId())
                .messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        if (!filings.isFiled(insurer.organization().id())) {
            throw new IllegalStateException("fixture insurer not filed: " + filing.id());
        }
        return new Insurer(insurer.organization(), insurer.parent(), insurer.clerk(), insurer.email());
    }
}
