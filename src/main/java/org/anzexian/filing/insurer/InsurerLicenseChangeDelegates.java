package org.anzexian.filing.insurer;

import static org.anzexian.filing.insurer.InsurerLicenseChangeProcess.*;

import java.time.Clock;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/insurerLicenseChange.bpmn}: one bean per model
 * element, each a thin adapter to one method of {@link LicenseChangeService}.
 */
@Configuration
class InsurerLicenseChangeDelegates {

    /**
     * {@code StartEvent_ChangeSubmitted}: a change from the Tasklist start form is stored now from the
     * form's fields, for the clerk's own insurer; one proposed through {@code /api} is stored already.
     * Either way the reviewer's form gets the current and proposed licences as text.
     */
    @Bean
    ExecutionListener insurerLicenseChangeChangeSubmittedListener(LicenseChangeService changes, Clock clock) {
        return execution -> {
            LicenseChangeService.Opened opened;
            if (execution.getProcessBusinessKey() != null) {
                opened = changes.opened(Records.idOf(execution));
            } else {
                FormValues form = new FormValues(execution.getVariables(), clock.getZone());
                LicenseUpdate proposed = new LicenseUpdate(
                        new License(form.text(FIELD_BUSINESS_NUMBER), form.date(FIELD_BUSINESS_VALID_UNTIL),
                                form.text(FIELD_BUSINESS_HASH)),
                        new License(form.text(FIELD_INSURANCE_NUMBER), form.date(FIELD_INSURANCE_VALID_UNTIL),
                                form.text(FIELD_INSURANCE_HASH)));
                form.throwIfInvalid();
                opened = changes.proposeFromStartForm(
                        Acting.requireUser(execution, "请登录后申请证照变更 (log in to propose a licence change)"),
                        proposed, execution.getProcessInstanceId());
                execution.setProcessBusinessKey(String.valueOf(opened.changeId()));
            }
            execution.setVariable(VAR_FILING_ID, opened.filingId());
            execution.setVariable(VAR_CHANGE_SUMMARY, opened.summary());
        };
    }

    /** {@code UserTask_ReviewLicenseChange} → {@link LicenseChangeService#recordReview}; the recorded choice routes. */
    @Bean
    TaskListener insurerLicenseChangeReviewLicenseChangeListener(LicenseChangeService changes) {
        return task -> task.getExecution().setVariable(VAR_REVIEW_DECISION,
                changes.recordReview(Acting.requireUser(task), Records.idOf(task),
                        FormValues.text(task.getVariables(), VAR_REVIEW_DECISION),
                        FormValues.text(task.getVariables(), VAR_REVIEW_REASON)).formValue());
    }

    /** {@code ServiceTask_ApplyChange}. */
    @Bean
    JavaDelegate insurerLicenseChangeApplyChangeDelegate(LicenseChangeService changes) {
        return execution -> changes.apply(Records.idOf(execution));
    }

    /** {@code ServiceTask_RejectChange}. */
    @Bean
    JavaDelegate insurerLicenseChangeRejectChangeDelegate(LicenseChangeService changes) {
        return execution -> changes.reject(Records.idOf(execution));
    }
}
