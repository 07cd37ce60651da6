package org.anzexian.filing.insurer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.ClaimsService;
import org.anzexian.filing.insurer.InsurerFilingData.Document;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.PreventionPlan;
import org.anzexian.filing.insurer.InsurerFilingData.Principal;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.ProofType;
import org.anzexian.filing.insurer.InsurerFilingData.TeamMember;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ForbiddenException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_FilingSubmitted}: a filing started from the Tasklist start form
 * is stored here from the form's fields (one project lead, one management member, one claims team
 * member), read by {@link FormValues} in the business time zone. A start through {@code POST /api/insurer-filings} already carries {@code filingId}.
 */
@Component("createInsurerFilingFromFormDelegate")
class CreateFilingFromStartFormDelegate implements ExecutionListener {

    private final InsurerFilingService filings;
    private final Clock clock;

    CreateFilingFromStartFormDelegate(InsurerFilingService filings, Clock clock) {
        this.filings = filings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.hasVariable(InsurerFilingProcess.VAR_FILING_ID)) {
            return;
        }
        Actor actor = Acting.requireUser(execution, "请登录后提交备案 (log in to file)");
        Set<Long> insurers = actor.organizationIds(Role.INSURER);
        if (insurers.size() != 1) {
            throw new ForbiddenException("只有一家保险机构的工作人员可以通过表单提交备案 (a clerk of exactly one insurer)");
        }
        Map<String, Object> variables = filings.submitFromStartForm(actor, data(insurers.iterator().next(), new FormValues(execution.getVariables(), clock.getZone())),
                execution.getProcessInstanceId());
        variables.forEach(execution::setVariable);
        execution.setProcessBusinessKey(String.valueOf(variables.get(InsurerFilingProcess.VAR_FILING_ID)));
    }

    private static InsurerFilingData data(long insurerOrgId, FormValues form) {
        InsurerFilingData data = new InsurerFilingData(
                insurerOrgId,
                form.text("parentName"),
                form.text("parentCreditCode"),
                form.text("parentAuthorizationHash"),
                new License(form.text("businessLicenseNumber"), form.date("businessLicenseValidUntil"),
                        form.text("businessLicenseHash")),
                new License(form.text("insuranceLicenseNumber"), form.date("insuranceLicenseValidUntil"),
                        form.text("insuranceLicenseHash")),
                new Principal(form.text("principalName"), form.text("principalPhone")),
                List.of(),
                new AuditReport(form.integer("auditYear"), form.text("auditor"),
                        form.decimal("comprehensiveSolvencyRatio"), form.decimal("coreSolvencyRatio"),
                        form.flag("solvencyStatement"), form.text("auditReportHash")),
                List.of(new ProjectLead(form.text("leadName"), form.integer("leadYearsOfWork"),
                        form.choice("leadProofType", ProofType.class, "证明类型须为 DIPLOMA 或 SOCIAL_INSURANCE (unknown proof type)"),
                        form.text("leadProofHash"))),
                List.of(new TeamMember(form.text("managerName"), form.text("managerPosition"), null)),
                new Document(form.text("insurancePlan"), null),
                new Document(form.text("policyTerms"), null),
                new ClaimsService(new Document(form.text("claimsServicePlan"), null), form.text("claimsLinePhone"),
                        List.of(new TeamMember(form.text("claimsMemberName"), form.text("claimsMemberPosition"), null))),
                new PreventionPlan(new Document(form.text("preventionPlan"), null), form.text("serviceOrgAssessment")),
                new Experience(form.integer("policiesUnderwritten"), form.integer("claimsHandled"),
                        form.integer("preventionServicesDelivered")));
        form.throwIfInvalid();
        return data;
    }
}
