package org.anzexian.filing.insurer;

import java.time.Clock;
import java.util.List;
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
     * form's fields (one project lead, one management member, one claims team member), read by
     * {@link FormValues} in the business time zone; one submitted through {@code /api} is stored already.
     */
    @Bean
    ExecutionListener insurerFilingFilingSubmittedListener(InsurerFilingService filings, Clock clock) {
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
                opened = filings.submitFromStartForm(actor, data(insurers.iterator().next(),
                        new FormValues(execution.getVariables(), clock.getZone())), execution.getProcessInstanceId());
                execution.setProcessBusinessKey(String.valueOf(opened.filingId()));
            }
            execution.setVariable(InsurerFilingProcess.VAR_FILING_ID, opened.filingId());
            execution.setVariable(InsurerFilingProcess.VAR_INSURER_ORG_ID, opened.insurerOrgId());
            execution.setVariable(InsurerFilingProcess.VAR_INSURER_GROUP, opened.insurerGroup());
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
    /** {@code UserTask_CorrectFiling} → {@link InsurerFilingService#decideCorrection}; the recorded choice routes. */
    @Bean
    TaskListener insurerFilingCorrectFilingListener(InsurerFilingService filings) {
        return task -> task.getExecution().setVariable(InsurerFilingProcess.VAR_CORRECTION_DECISION,
                filings.decideCorrection(Acting.requireUser(task), filingId(task),
                        FormValues.text(task.getVariables(), InsurerFilingProcess.VAR_CORRECTION_DECISION)));
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
