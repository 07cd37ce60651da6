package org.anzexian.filing.insurer;

import java.time.Clock;
import java.util.ArrayList;
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
import org.anzexian.filing.ReviewDecision;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.engine.Records;
import org.anzexian.platform.files.FormUploads;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ForbiddenException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/insurerFiling.bpmn}: one bean per model element, each
 * a thin adapter to one method of {@link InsurerFilingService} that sets the routing facts it returns.
 */
@Configuration
class InsurerFilingDelegates {

    /** The business key (ADR 0007). */
    static long filingId(VariableScope scope) {
        return Records.idOf(scope);
    }

    /**
     * {@code StartEvent_FilingSubmitted}: a filing from the Tasklist start form is stored now from the
     * form's fields and uploaded documents (one project lead, one management member, one claims team
     * member), read by {@link FormValues} in the business time zone; one submitted through {@code /api}
     * is stored already. Either way the instance gets its {@code caseSummary} (organization · kind).
     */
    @Bean
    ExecutionListener insurerFilingFilingSubmittedListener(InsurerFilingService filings, FormUploads uploads, Clock clock) {
        return execution -> {
            InsurerFilingService.Opened opened;
            if (execution.getProcessBusinessKey() != null) {
                opened = filings.opened(filingId(execution));
            } else {
                Actor actor = Acting.requireUser(execution, "请登录后提交备案 (log in to file)");
                Set<Long> insurers = actor.organizationIds(Role.INSURER);
                if (insurers.size() != 1) {
                    throw new ForbiddenException("只有一家保险机构的工作人员可以通过表单提交备案 (a clerk of exactly one insurer)");
                }
                FormValues form = new FormValues(execution.getVariables(), clock.getZone());
                InsurerFilingData data = data(insurers.iterator().next(), form,
                        uploads.takeAll(execution, InsurerFilingFormFields.FILES, actor, form), null);
                opened = filings.submitFromStartForm(actor, data, execution.getProcessInstanceId(), form.problems());
                execution.setProcessBusinessKey(String.valueOf(opened.filingId()));
                // the filing is the record now: its form's copy leaves the process (the correction is prefilled from the record)
                execution.removeVariables(InsurerFilingFormFields.ENTERED);
            }
            execution.setVariable(InsurerFilingProcess.VAR_FILING_ID, opened.filingId());
            execution.setVariable(InsurerFilingProcess.VAR_INSURER_ORG_ID, opened.insurerOrgId());
            execution.setVariable(InsurerFilingProcess.VAR_INSURER_GROUP, opened.insurerGroup());
            execution.setVariable(InsurerFilingProcess.VAR_CASE_SUMMARY, opened.caseSummary());
        };
    }

    /** {@code ServiceTask_RunChecks}: every check of the filing, one new round. */
    @Bean
    JavaDelegate insurerFilingRunChecksDelegate(InsurerFilingService filings) {
        return execution -> {
            CheckOutcome outcome = filings.runChecks(filingId(execution));
            execution.setVariable(InsurerFilingProcess.VAR_CHECKS_PASSED, outcome.allPassed());
            execution.setVariable(InsurerFilingProcess.VAR_CORRECTION_REASONS, outcome.failureReasons());
        };
    }

    /**
     * {@code UserTask_ReviewFiling}: the decision checked on the server (the Camunda Form validates only
     * in the browser) and recorded with who decided; a refused decision keeps the task open. The gateway
     * routes on the form's {@code reviewDecision} (there is no {@code /api} door to this task).
     */
    /**
     * {@code UserTask_CorrectFiling}: to resubmit, the corrected filing of the form (prefilled with the
     * current one; a document not uploaded again stays as filed) goes through
     * {@link InsurerFilingService#correctInTask}, the rules of {@code PUT /api/insurer-filings/{id}};
     * then {@link InsurerFilingService#decideCorrection} records the choice that routes. A resubmission
     * without the form's fields (the filing was corrected through {@code PUT}) resubmits the filing as it is.
     */
    @Bean
    TaskListener insurerFilingCorrectFilingListener(InsurerFilingService filings, FormUploads uploads, Clock clock) {
        return task -> {
            Actor actor = Acting.requireUser(task);
            long id = filingId(task);
            String decision = FormValues.text(task.getVariables(), InsurerFilingProcess.VAR_CORRECTION_DECISION);
            Map<String, Object> submitted = task.getVariables();
            FormValues form = new FormValues(submitted, clock.getZone());
            Map<String, String> uploaded = uploads.takeAll(task, InsurerFilingFormFields.FILES, actor, form);
            boolean correctedInForm = !uploaded.isEmpty()
                    || InsurerFilingFormFields.ENTERED.stream().anyMatch(submitted::containsKey);
            if (InsurerFilingProcess.RESUBMIT.equals(decision) && correctedInForm) {
                InsurerFiling current = filings.get(actor, id);
                filings.correctInTask(actor, id, data(current.insurerOrgId(), form, uploaded, current.data()), form.problems());
            }
            task.getExecution().removeVariables(InsurerFilingFormFields.ENTERED);
            task.getExecution().setVariable(InsurerFilingProcess.VAR_CORRECTION_DECISION,
                    filings.decideCorrection(actor, id, decision));
        };
    }

    @Bean
    TaskListener insurerFilingReviewFilingListener(InsurerFilingService filings) {
        return task -> {
            InsurerFilingService.Reviewed reviewed = filings.recordReview(Acting.requireUser(task), filingId(task),
                    new InsurerFilingService.Review(
                            ReviewDecision.of(FormValues.text(task.getVariables(), InsurerFilingProcess.VAR_REVIEW_DECISION)),
                            FormValues.text(task.getVariables(), InsurerFilingProcess.VAR_REVIEW_REASON)));
            if (reviewed.correctionReasons() != null) {
                task.getExecution().setVariable(InsurerFilingProcess.VAR_CORRECTION_REASONS, reviewed.correctionReasons());
            }
        };
    }

    /** {@code ServiceTask_ApproveFiling}. */
    @Bean
    JavaDelegate insurerFilingApproveFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.approve(filingId(execution));
    }

    /** {@code ServiceTask_RejectFiling}. */
    @Bean
    JavaDelegate insurerFilingRejectFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.reject(filingId(execution));
    }

    /** {@code ServiceTask_WithdrawFiling}. */
    @Bean
    JavaDelegate insurerFilingWithdrawFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.withdraw(filingId(execution));
    }

    /** {@code ServiceTask_LapseFiling}. */
    @Bean
    JavaDelegate insurerFilingLapseFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.lapse(filingId(execution));
    }

    /** {@code ServiceTask_RemindReviewer}. */
    @Bean
    JavaDelegate insurerFilingRemindReviewerDelegate(InsurerFilingService filings) {
        return execution -> filings.remindReviewer(filingId(execution));
    }

    /**
     * The filing the form describes. For a correction, {@code current} supplies what the form does not
     * show (further project leads and team members, related organizations) and the documents not
     * uploaded again; the form edits the first lead, manager and claims team member.
     */
    private static InsurerFilingData data(long insurerOrgId, FormValues form, Map<String, String> uploaded,
            InsurerFilingData current) {
        boolean correcting = current != null;
        ProjectLead firstLead = correcting && !current.projectLeads().isEmpty() ? current.projectLeads().get(0) : null;
        String leadProof = uploaded.getOrDefault(InsurerFilingFormFields.LEAD_PROOF_FILE,
                firstLead == null ? null : firstLead.proofHash());
        List<ProjectLead> leads = new ArrayList<>();
        leads.add(new ProjectLead(form.text("leadName"), form.integer("leadYearsOfWork"),
                form.choice("leadProofType", ProofType.class, "请选择学历证书或社保缴纳记录 (unknown proof type)"), leadProof));
        if (correcting && current.projectLeads().size() > 1) {
            leads.addAll(current.projectLeads().subList(1, current.projectLeads().size()));
        }
        List<TeamMember> management = new ArrayList<>();
        management.add(new TeamMember(form.text("managerName"), form.text("managerPosition"),
                correcting && !current.managementTeam().isEmpty() ? current.managementTeam().get(0).phone() : null));
        if (correcting && current.managementTeam().size() > 1) {
            management.addAll(current.managementTeam().subList(1, current.managementTeam().size()));
        }
        List<TeamMember> claimsTeam = new ArrayList<>();
        List<TeamMember> currentClaimsTeam = correcting ? current.claimsService().claimsTeam() : List.of();
        claimsTeam.add(new TeamMember(form.text("claimsMemberName"), form.text("claimsMemberPosition"),
                currentClaimsTeam.isEmpty() ? null : currentClaimsTeam.get(0).phone()));
        if (currentClaimsTeam.size() > 1) {
            claimsTeam.addAll(currentClaimsTeam.subList(1, currentClaimsTeam.size()));
        }
        return new InsurerFilingData(
                insurerOrgId,
                form.text("parentName"),
                form.text("parentCreditCode"),
                uploaded.getOrDefault(InsurerFilingFormFields.PARENT_AUTHORIZATION_FILE,
                        correcting ? current.parentAuthorizationHash() : null),
                new License(form.text("businessLicenseNumber"), form.date("businessLicenseValidUntil"),
                        uploaded.getOrDefault(InsurerFilingFormFields.BUSINESS_LICENSE_FILE,
                                correcting ? current.businessLicense().scanHash() : null)),
                new License(form.text("insuranceLicenseNumber"), form.date("insuranceLicenseValidUntil"),
                        uploaded.getOrDefault(InsurerFilingFormFields.INSURANCE_LICENSE_FILE,
                                correcting ? current.insuranceLicense().scanHash() : null)),
                new Principal(form.text("principalName"), form.text("principalPhone")),
                correcting ? current.relatedOrganizations() : List.of(),
                new AuditReport(form.integer("auditYear"), form.text("auditor"),
                        form.decimal("comprehensiveSolvencyRatio"), form.decimal("coreSolvencyRatio"),
                        form.flag("solvencyStatement"), uploaded.getOrDefault(InsurerFilingFormFields.AUDIT_REPORT_FILE,
                                correcting ? current.auditReport().fileHash() : null)),
                leads,
                management,
                document(form, "insurancePlan", InsurerFilingFormFields.INSURANCE_PLAN_FILE, uploaded,
                        correcting ? current.insurancePlan() : null),
                document(form, "policyTerms", InsurerFilingFormFields.POLICY_TERMS_FILE, uploaded,
                        correcting ? current.policyTerms() : null),
                new ClaimsService(document(form, "claimsServicePlan", InsurerFilingFormFields.CLAIMS_SERVICE_PLAN_FILE,
                        uploaded, correcting ? current.claimsService().plan() : null), form.text("claimsLinePhone"), claimsTeam),
                new PreventionPlan(document(form, "preventionPlan", InsurerFilingFormFields.PREVENTION_PLAN_FILE, uploaded,
                        correcting ? current.preventionPlan().plan() : null), form.text("serviceOrgAssessment")),
                new Experience(form.integer("policiesUnderwritten"), form.integer("claimsHandled"),
                        form.integer("preventionServicesDelivered")));
    }

    /** A plan or terms: the form's text, and the uploaded file or else the one filed before. */
    private static Document document(FormValues form, String textField, String fileField, Map<String, String> uploaded,
            Document current) {
        return new Document(form.text(textField),
                uploaded.getOrDefault(fileField, current == null ? null : current.fileHash()));
    }
}
