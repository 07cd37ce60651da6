package org.anzexian.filing.insurer;

import static org.anzexian.filing.insurer.InsurerLicenseChangeProcess.*;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.engine.Records;
import org.anzexian.platform.files.FormUploads;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
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
     * form's fields and uploaded scans, for the clerk's own insurer; one proposed through {@code /api} is
     * stored already. Either way the reviewer's form gets the current and proposed licences as text, and
     * the instance its {@code caseSummary}. A refused form names every problem by the form's labels.
     */
    @Bean
    ExecutionListener insurerLicenseChangeChangeSubmittedListener(LicenseChangeService changes, FormUploads uploads,
            Clock clock) {
        return execution -> {
            LicenseChangeService.Opened opened;
            if (execution.getProcessBusinessKey() != null) {
                opened = changes.opened(Records.idOf(execution));
            } else {
                Actor actor = Acting.requireUser(execution, "请登录后申请证照变更 (log in to propose a licence change)");
                FormValues form = new FormValues(execution.getVariables(), clock.getZone());
                String businessScan = upload(execution, uploads, actor, form, FIELD_BUSINESS_FILE);
                String insuranceScan = upload(execution, uploads, actor, form, FIELD_INSURANCE_FILE);
                LicenseUpdate proposed = new LicenseUpdate(
                        new License(form.text(FIELD_BUSINESS_NUMBER), form.date(FIELD_BUSINESS_VALID_UNTIL), businessScan),
                        new License(form.text(FIELD_INSURANCE_NUMBER), form.date(FIELD_INSURANCE_VALID_UNTIL), insuranceScan));
                try {
                    opened = changes.proposeFromStartForm(actor, proposed, execution.getProcessInstanceId(), problems(form));
                } catch (InvalidRequestException refused) {
                    throw new InvalidRequestException(refused.fieldErrors().stream()
                            .map(error -> new ApiError.FieldMessage(FORM_FIELDS.getOrDefault(error.field(), error.field()),
                                    error.message()))
                            .toList());
                }
                execution.setProcessBusinessKey(String.valueOf(opened.changeId()));
            }
            execution.setVariable(VAR_FILING_ID, opened.filingId());
            execution.setVariable(VAR_CHANGE_SUMMARY, opened.summary());
            execution.setVariable(VAR_CASE_SUMMARY, opened.caseSummary());
        };
    }

    /** The start form's field of each property of {@link LicenseUpdate}: a refusal then names the field by its label. */
    private static final Map<String, String> FORM_FIELDS = Map.of(
            "businessLicense.number", FIELD_BUSINESS_NUMBER, "businessLicense.validUntil", FIELD_BUSINESS_VALID_UNTIL,
            "businessLicense.scanHash", FIELD_BUSINESS_FILE, "insuranceLicense.number", FIELD_INSURANCE_NUMBER,
            "insuranceLicense.validUntil", FIELD_INSURANCE_VALID_UNTIL, "insuranceLicense.scanHash", FIELD_INSURANCE_FILE);

    private static String upload(VariableScope scope, FormUploads uploads, Actor actor, FormValues form, String field) {
        try {
            return uploads.take(scope, field, actor).orElse(null);
        } catch (InvalidRequestException refused) {
            refused.fieldErrors().forEach(error -> form.problem(field, error.message()));
            return null;
        }
    }

    private static List<ApiError.FieldMessage> problems(FormValues form) {
        try {
            form.throwIfInvalid();
            return List.of();
        } catch (InvalidRequestException refused) {
            return refused.fieldErrors();
        }
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
