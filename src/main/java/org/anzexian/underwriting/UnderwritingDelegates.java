package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code processes/policyUnderwriting.bpmn}: read the ids and form fields, call
 * {@link UnderwritingService}, set the routing facts. The complete listeners refuse a bad form (the
 * task stays open with the message), as Camunda Forms validate only in the browser.
 */
@Configuration
class UnderwritingDelegates {

    /** {@code UserTask_IssueQuotation}. */
    @Bean
    TaskListener recordQuotationDelegate(UnderwritingService underwriting) {
        return task -> {
            BigDecimal premium = underwriting.recordQuotation(quotationId(task), actor(task), new QuotationLetter(
                    string(task, VAR_QUOTATION_DECISION), string(task, VAR_INSURANCE_PLAN), decimal(task, VAR_PREMIUM_RATE),
                    string(task, VAR_PREMIUM_RATE_UNIT), decimal(task, VAR_DEATH_DISABILITY_LIMIT),
                    decimal(task, VAR_TOTAL_LIMIT), string(task, VAR_PREVENTION_PLAN),
                    decimal(task, VAR_PREVENTION_FEE_PERCENT), string(task, VAR_DECLINE_REASON)));
            if (premium != null) {
                task.getExecution().setVariable(VAR_PREMIUM, premium.doubleValue());
            }
        };
    }

    /** {@code UserTask_Apply}. */
    @Bean
    TaskListener recordApplicationDelegate(UnderwritingService underwriting) {
        return task -> underwriting.recordApplication(quotationId(task), actor(task), string(task, VAR_APPLICATION_DECISION),
                new Application(string(task, VAR_CONTRACT_HASH), string(task, VAR_BID_AWARD_HASH),
                        string(task, VAR_APPLICATION_FORM_HASH), hashes(string(task, VAR_ENTERPRISE_HASHES))));
    }

    /** {@code UserTask_ReviewApplication}. */
    @Bean
    TaskListener recordUnderwritingReviewDelegate(UnderwritingService underwriting) {
        return task -> underwriting.recordReview(quotationId(task), actor(task), string(task, VAR_REVIEW_DECISION),
                string(task, VAR_REVIEW_REASON));
    }

    /** {@code UserTask_ConfirmPremium}. */
    @Bean
    TaskListener confirmPremiumDelegate(UnderwritingService underwriting) {
        return task -> underwriting.confirmPremium(quotationId(task), actor(task), decimal(task, VAR_PREMIUM_RECEIVED),
                (Boolean) task.getVariable(VAR_PAID_IN_ONE_PAYMENT));
    }

    /** {@code ServiceTask_RemindInsurer}. */
    @Bean
    JavaDelegate remindQuotationDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.remindInsurer(quotationId(execution));
    }

    /** {@code ServiceTask_EscalateQuotation}. */
    @Bean
    JavaDelegate escalateQuotationDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.escalateQuotation(quotationId(execution));
    }

    /** {@code ServiceTask_ReportDecline}. */
    @Bean
    JavaDelegate reportDeclineDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.reportDecline(quotationId(execution));
    }

    /** {@code ServiceTask_IssuePolicy}. */
    @Bean
    JavaDelegate issuePolicyDelegate(UnderwritingService underwriting) {
        return execution -> execution.setVariable(VAR_POLICY_ID, underwriting.issuePolicy(quotationId(execution)).id());
    }

    /** {@code ServiceTask_ReportPolicy}. */
    @Bean
    JavaDelegate reportPolicyDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.reportPolicy(policyId(execution));
    }

    /** {@code ServiceTask_StartServiceTeamRegistration}. */
    @Bean
    JavaDelegate startServiceTeamRegistrationDelegate(UnderwritingService underwriting) {
        return execution -> underwriting.announcePolicyIssued(policyId(execution));
    }

    static long quotationId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_QUOTATION_ID)).longValue();
    }

    private static long policyId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_POLICY_ID)).longValue();
    }

    /** Who completes the task (ADR 0007: never the assignee, never a variable). */
    private static String actor(DelegateTask task) {
        return Acting.requireUser(task).userId();
    }

    private static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Camunda Forms send numbers as Long or Double; through the decimal string to avoid binary noise. */
    private static BigDecimal decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "不是数字 (not a number): " + value);
        }
    }

    private static List<String> hashes(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\s,，;；]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
