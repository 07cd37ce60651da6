package org.anzexian.filing.insurer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.anzexian.filing.insurer.InsurerFilingFormFields.Rows;
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
     * form's fields, rows (project leads, management team, claims team) and uploaded documents, read by
     * {@link FormValues} in the business time zone; one submitted through {@code /api}
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
                Set<String> submitted = Set.copyOf(execution.getVariableNames());
                FormValues form = new FormValues(execution.getVariables(), clock.getZone());
                InsurerFilingData data = data(insurers.iterator().next(), form, submitted,
                        uploads.takeAll(execution, InsurerFilingFormFields.files(submitted), actor, form), null);
                opened = filings.submitFromStartForm(actor, data, execution.getProcessInstanceId(), form.problems());
                execution.setProcessBusinessKey(String.valueOf(opened.filingId()));
                // the filing is the record now: its form's copy leaves the process (the correction is prefilled
                // from the record); the correction's choice is made in the correction only
                execution.removeVariables(InsurerFilingFormFields.entered(submitted));
                execution.removeVariable(InsurerFilingProcess.VAR_CORRECTION_DECISION);
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
            Set<String> submitted = Set.copyOf(task.getVariableNames());
            FormValues form = new FormValues(task.getVariables(), clock.getZone());
            Map<String, String> uploaded = uploads.takeAll(task, InsurerFilingFormFields.files(submitted), actor, form);
            Set<String> entered = InsurerFilingFormFields.entered(submitted);
            boolean correctedInForm = !uploaded.isEmpty() || entered.stream().anyMatch(submitted::contains);
            if (InsurerFilingProcess.RESUBMIT.equals(decision) && correctedInForm) {
                InsurerFiling current = filings.get(actor, id);
                filings.correctInTask(actor, id, data(current.insurerOrgId(), form, submitted, uploaded, current.data()),
                        form.problems());
            }
            task.getExecution().removeVariables(entered);
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
     * The filing the form describes: its fields and every row of leads and team members the form sent.
     * For a correction, {@code current} supplies what the form does not show (related organizations) and
     * the documents not uploaded again; a lead keeps the proof it had when none is uploaded for it.
     */
    private static InsurerFilingData data(long insurerOrgId, FormValues form, Set<String> submitted,
            Map<String, String> uploaded, InsurerFilingData current) {
        boolean correcting = current != null;
        Set<String> filedProofs = new HashSet<>();
        if (correcting) {
            current.projectLeads().forEach(lead -> filedProofs.add(lead.proofHash()));
        }
        Rows leadRows = Rows.LEADS;
        List<ProjectLead> leads = new ArrayList<>();
        for (int row = 1; row <= leadRows.count(submitted); row++) {
            String kept = form.text(leadRows.field(row, Rows.PROOF_KEPT));
            leads.add(new ProjectLead(form.text(leadRows.field(row, "Name")), form.integer(leadRows.field(row, "YearsOfWork")),
                    form.choice(leadRows.field(row, "ProofType"), ProofType.class, "请选择学历证书或社保缴纳记录 (unknown proof type)"),
                    uploaded.getOrDefault(leadRows.field(row, Rows.PROOF_FILE), filedProofs.contains(kept) ? kept : null)));
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
                members(form, submitted, Rows.MANAGERS),
                document(form, "insurancePlan", InsurerFilingFormFields.INSURANCE_PLAN_FILE, uploaded,
                        correcting ? current.insurancePlan() : null),
                document(form, "policyTerms", InsurerFilingFormFields.POLICY_TERMS_FILE, uploaded,
                        correcting ? current.policyTerms() : null),
                new ClaimsService(document(form, "claimsServicePlan", InsurerFilingFormFields.CLAIMS_SERVICE_PLAN_FILE,
                        uploaded, correcting ? current.claimsService().plan() : null), form.text("claimsLinePhone"),
                        members(form, submitted, Rows.CLAIMS_TEAM)),
                new PreventionPlan(document(form, "preventionPlan", InsurerFilingFormFields.PREVENTION_PLAN_FILE, uploaded,
                        correcting ? current.preventionPlan().plan() : null), form.text("serviceOrgAssessment")),
                new Experience(form.integer("policiesUnderwritten"), form.integer("claimsHandled"),
                        form.integer("preventionServicesDelivered")));
    }

    /** The team members of the form's rows. */
    private static List<TeamMember> members(FormValues form, Set<String> submitted, Rows rows) {
        List<TeamMember> members = new ArrayList<>();
        for (int row = 1; row <= rows.count(submitted); row++) {
            members.add(new TeamMember(form.text(rows.field(row, "Name")), form.text(rows.field(row, "Position")),
                    form.text(rows.field(row, "Phone"))));
        }
        return members;
    }

    /** A plan or terms: the form's text, and the uploaded file or else the one filed before. */
    private static Document document(FormValues form, String textField, String fileField, Map<String, String> uploaded,
            Document current) {
        return new Document(form.text(textField),
                uploaded.getOrDefault(fileField, current == null ? null : current.fileHash()));
    }
}
