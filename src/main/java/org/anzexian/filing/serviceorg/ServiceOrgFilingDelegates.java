package org.anzexian.filing.serviceorg;

import static org.anzexian.filing.serviceorg.ServiceOrgFilingProcess.*;

import java.time.Clock;
import java.util.Map;
import org.anzexian.filing.serviceorg.ServiceOrgFilingProcess.CorrectionAction;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/serviceOrgFiling.bpmn}: one bean per model element,
 * each a thin adapter to one method of {@link ServiceOrgFilingService} that sets the routing facts it returns.
 */
@Configuration
class ServiceOrgFilingDelegates {

    /**
     * {@code ServiceTask_RegisterFiling}: a filing started through {@code /api} is stored already; one
     * started from the Tasklist form ({@code forms/serviceOrgFiling.html}, the start's and the correction's)
     * is stored now, for the logged-in user's organization, with its uploaded documents moved into the file store.
     */
    @Bean
    JavaDelegate serviceOrgFilingRegisterFilingDelegate(ServiceOrgFilingService filings, FormUploads uploads, Clock clock) {
        return execution -> {
            ServiceOrgFilingService.Opened opened;
            if (execution.getProcessBusinessKey() != null) {
                opened = filings.opened(filingId(execution));
            } else {
                Actor actor = Acting.requireUser(execution,
                        "备案须由本机构人员登录后提交 (a filing must be started by a logged-in member)");
                ServiceOrgFilingService.Filer filer = filings.filerOf(actor);
                FormValues form = new FormValues(execution.getVariables(), clock.getZone());
                Map<String, String> uploaded = uploads.takeAll(execution, ServiceOrgFilingForm.FILES, actor, form);
                opened = filings.registerStartedFiling(actor, ServiceOrgFilingForm.read(form, filer.creditCode(),
                        filer.companyName(), uploaded, null), execution.getProcessInstanceId(), form.problems());
                execution.setProcessBusinessKey(String.valueOf(opened.filingId()));
                // the filing is the record now: its form's copy leaves the process; the correction's choice
                // (the form is the correction's too) is made in the correction only
                execution.removeVariables(ServiceOrgFilingForm.ENTERED);
                execution.removeVariable(VAR_CORRECTION_ACTION);
            }
            execution.setVariable(VAR_FILING_ID, opened.filingId());
            execution.setVariable(VAR_ORGANIZATION_GROUP, opened.organizationGroup());
            execution.setVariable(VAR_CASE_SUMMARY, opened.caseSummary());
        };
    }

    /** {@code ServiceTask_RunChecks}: runs N7.1–N7.5 and hands the gateway its routing fact. */
    @Bean
    JavaDelegate serviceOrgFilingRunChecksDelegate(ServiceOrgFilingService filings) {
        return execution -> {
            var outcome = filings.runChecks(filingId(execution));
            execution.setVariable(VAR_CHECKS_PASSED, outcome.passed());
            execution.setVariable(VAR_CHECK_SUMMARY, outcome.summary());
        };
    }

    /**
     * {@code UserTask_CorrectFiling} → {@link ServiceOrgFilingService#decideCorrection}: the choice /api
     * recorded, or the form's; the recorded choice routes. To resubmit from the form, the corrected filing
     * (prefilled with the current one; the quality-system file stays unless uploaded again, new proofs
     * join those filed) goes first through {@link ServiceOrgFilingService#correctInTask}, the rules of
     * {@code PUT /api/service-org-filings/{id}}. A resubmission without the form's fields (corrected
     * through {@code PUT}) resubmits the filing as it is.
     */
    @Bean
    TaskListener serviceOrgFilingCorrectFilingListener(ServiceOrgFilingService filings, FormUploads uploads, Clock clock) {
        return task -> {
            CorrectionAction action = Acting.recordedForApi(task, CorrectionAction.class).orElseGet(() -> {
                Actor actor = Acting.requireUser(task);
                long id = filingId(task);
                Map<String, Object> submitted = task.getVariables();
                FormValues form = new FormValues(submitted, clock.getZone());
                CorrectionAction chosen = form.choice(VAR_CORRECTION_ACTION, CorrectionAction.class,
                        "请选择重新提交或撤回 (choose resubmit or withdraw)");
                Map<String, String> uploaded = uploads.takeAll(task, ServiceOrgFilingForm.FILES, actor, form);
                boolean correctedInForm = !uploaded.isEmpty()
                        || ServiceOrgFilingForm.ENTERED.stream().anyMatch(submitted::containsKey);
                if (chosen == CorrectionAction.RESUBMIT && correctedInForm) {
                    ServiceOrgFilingRequest current = filings.get(actor, id).data();
                    filings.correctInTask(actor, id, ServiceOrgFilingForm.read(form, current.creditCode(),
                            current.companyName(), uploaded, current), form.problems());
                } else {
                    form.throwIfInvalid();
                }
                return filings.decideCorrection(actor, id, chosen);
            });
            task.getExecution().removeVariables(ServiceOrgFilingForm.ENTERED);
            task.getExecution().setVariable(VAR_CORRECTION_ACTION, action.name());
        };
    }

    /** {@code UserTask_ReviewFiling}: the bureau's decision, from the form or recorded by {@code /api}, routes the gateway. */
    @Bean
    TaskListener serviceOrgFilingReviewFilingListener(ServiceOrgFilingService filings, Clock clock) {
        return task -> {
            ReviewDecision decision = Acting.recordedForApi(task, ReviewDecision.class).orElseGet(() -> {
                FormValues form = new FormValues(task.getVariables(), clock.getZone());
                return filings.recordReview(Acting.requireUser(task), filingId(task),
                        new ServiceOrgFilingService.Review(ReviewDecision.of(form.text(VAR_REVIEW_DECISION)),
                                form.text(VAR_REVIEW_REASON)));
            });
            task.getExecution().setVariable(VAR_REVIEW_DECISION, decision.formValue());
        };
    }

    /** {@code ServiceTask_RemindReviewer}: reminds the city bureau of an overdue review. */
    @Bean
    JavaDelegate serviceOrgFilingRemindReviewerDelegate(ServiceOrgFilingService filings) {
        return execution -> filings.remindReviewer(filingId(execution));
    }

    /** {@code ServiceTask_ApproveFiling}: approves the filing, numbers it and tells the organization and the bureau. */
    @Bean
    JavaDelegate serviceOrgFilingApproveFilingDelegate(ServiceOrgFilingService filings) {
        return execution -> filings.approve(filingId(execution));
    }

    /** {@code ServiceTask_RejectFiling}: rejects the filing and tells the organization why. */
    @Bean
    JavaDelegate serviceOrgFilingRejectFilingDelegate(ServiceOrgFilingService filings) {
        return execution -> filings.reject(filingId(execution));
    }

    /** {@code ServiceTask_RequestMoreInfo}: back to the organization with the bureau's request as the reason. */
    @Bean
    JavaDelegate serviceOrgFilingRequestMoreInfoDelegate(ServiceOrgFilingService filings) {
        return execution -> execution.setVariable(VAR_CHECK_SUMMARY, filings.requestMoreInfo(filingId(execution)));
    }

    /** {@code ServiceTask_LapseFiling}: the correction deadline passed: the filing lapses. */
    @Bean
    JavaDelegate serviceOrgFilingLapseFilingDelegate(ServiceOrgFilingService filings) {
        return execution -> filings.lapse(filingId(execution));
    }

    /** {@code ServiceTask_WithdrawFiling}: ends the filing as withdrawn. */
    @Bean
    JavaDelegate serviceOrgFilingWithdrawFilingDelegate(ServiceOrgFilingService filings) {
        return execution -> filings.markWithdrawn(filingId(execution));
    }
}
