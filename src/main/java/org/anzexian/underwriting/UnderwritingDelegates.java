package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.engine.Records;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/policyUnderwriting.bpmn}, one bean per model element:
 * read the record and the form fields, call the step's one method of {@link UnderwritingService}, set the
 * routing facts. The complete listeners refuse a bad form (the
 * task stays open with the message), as Camunda Forms validate only in the browser.
 */
@Configuration
class UnderwritingDelegates {

    /** {@code UserTask_IssueQuotation}. */
    @Bean
    TaskListener policyUnderwritingIssueQuotationListener(UnderwritingService underwriting, Clock clock) {
        return task -> {
            FormValues form = form(task, clock);
            QuotationLetter letter = new QuotationLetter(form.text(VAR_QUOTATION_DECISION), form.text(VAR_INSURANCE_PLAN),
                    form.decimal(VAR_PREMIUM_RATE), form.text(VAR_PREMIUM_RATE_UNIT), form.decimal(VAR_DEATH_DISABILITY_LIMIT),
                    form.decimal(VAR_TOTAL_LIMIT), form.text(VAR_PREVENTION_PLAN), form.decimal(VAR_PREVENTION_FEE_PERCENT),
                    form.text(VAR_DECLINE_REASON));
            form.throwIfInvalid();
            BigDecimal premium = underwriting.recordQuotation(actor(task), quotationId(task), letter);
            if (premium != null) {
                task.getExecution().setVariable(VAR_PREMIUM, premium.doubleValue());
            }
        };
    }

    /**
     * {@code UserTask_Apply}: the uploaded files move into the file store ({@link FormUploads}, #12) and
     * the application names them by hash; a refusal rolls the stored files back with the task.
     */
    @Bean
    TaskListener policyUnderwritingApplyListener(UnderwritingService underwriting, FormUploads uploads, Clock clock) {
        return task -> {
            Actor actor = actor(task);
            String decision = form(task, clock).text(VAR_APPLICATION_DECISION);
            String contract = uploads.take(task, VAR_CONTRACT, actor).orElse(null);
            String bidAward = uploads.take(task, VAR_BID_AWARD, actor).orElse(null);
            String applicationForm = uploads.take(task, VAR_APPLICATION_FORM, actor).orElse(null);
            List<String> enterprise = VAR_ENTERPRISE_DOCUMENTS.stream()
                    .flatMap(variable -> uploads.take(task, variable, actor).stream()).toList();
            underwriting.recordApplication(actor, quotationId(task), new UnderwritingService.ApplicationAnswer(decision,
                    new Application(contract, bidAward, applicationForm, enterprise)));
        };
    }

    /** {@code UserTask_ReviewApplication}. */
    @Bean
    TaskListener policyUnderwritingReviewApplicationListener(UnderwritingService underwriting, Clock clock) {
        return task -> {
            FormValues form = form(task, clock);
            underwriting.recordReview(actor(task), quotationId(task),
                    new UnderwritingService.UnderwritingReview(form.text(VAR_REVIEW_DECISION), form.text(VAR_REVIEW_REASON)));
        };
    }

    /** {@code UserTask_ConfirmPremium}: from the form, or recorded already by {@code POST /api/quotations/{id}/premium}. */
    @Bean
    TaskListener policyUnderwritingConfirmPremiumListener(UnderwritingService underwriting, Clock clock) {
        return task -> Acting.recordedForApi(task, Quotation.class).orElseGet(() -> {
            FormValues form = form(task, clock);
            BigDecimal received = form.decimal(VAR_PREMIUM_RECEIVED);
            form.throwIfInvalid();
            return underwriting.confirmPremium(actor(task), quotationId(task),
                    new UnderwritingService.PremiumReceipt(received, form.flag(VAR_PAID_IN_ONE_PAYMENT)));
        });
    }

    /** {@code ServiceTask_RemindInsurer}. */
    @Bean
    JavaDelegate policyUnderwritingRemindInsurerDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.remindInsurer(quotationId(execution));
    }

    /** {@code ServiceTask_EscalateQuotation}. */
    @Bean
    JavaDelegate policyUnderwritingEscalateQuotationDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.escalateQuotation(quotationId(execution));
    }

    /** {@code ServiceTask_ReportDecline}. */
    @Bean
    JavaDelegate policyUnderwritingReportDeclineDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.reportDecline(quotationId(execution));
    }

    /** {@code ServiceTask_IssuePolicy}. */
    @Bean
    JavaDelegate policyUnderwritingIssuePolicyDelegate(UnderwritingService underwriting) {
        return execution -> execution.setVariable(VAR_POLICY_ID, underwriting.issuePolicy(quotationId(execution)).id());
    }

    /** {@code ServiceTask_ReportPolicy}. */
    @Bean
    JavaDelegate policyUnderwritingReportPolicyDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.reportPolicy(policyId(execution));
    }

    /** {@code ServiceTask_StartServiceTeamRegistration}. */
    @Bean
    JavaDelegate policyUnderwritingStartServiceTeamRegistrationDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.announcePolicyIssued(policyId(execution));
    }

    /** The business key (ADR 0007). */
    static long quotationId(VariableScope scope) {
        return Records.idOf(scope);
    }

    private static long policyId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_POLICY_ID)).longValue();
    }

    /** Who completes the task (ADR 0007: never the assignee, never a variable). */
    private static Actor actor(DelegateTask task) {
        return Acting.requireUser(task);
    }

    private static FormValues form(DelegateTask task, Clock clock) {
        return new FormValues(task.getVariables(), clock.getZone());
    }
}
