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
