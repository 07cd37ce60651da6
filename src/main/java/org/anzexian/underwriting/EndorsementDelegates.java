package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyEndorsementProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/policyEndorsement.bpmn}, one bean per model element,
 * each calling its step's one method of {@link EndorsementService} with the endorsement id (the
 * business key, ADR 0007).
 */
@Configuration
class EndorsementDelegates {

    /** {@code UserTask_ConfirmEndorsementPremium}: from the form, or recorded already by {@code POST /api/endorsements/{id}/premium}. */
    @Bean
    TaskListener policyEndorsementConfirmEndorsementPremiumListener(EndorsementService endorsements, Clock clock) {
        return task -> Acting.recordedForApi(task, Endorsement.class).orElseGet(() -> {
            FormValues form = new FormValues(task.getVariables(), clock.getZone());
            BigDecimal received = form.decimal(VAR_PREMIUM_RECEIVED);
            form.throwIfInvalid();
            return endorsements.confirmPremium(Acting.requireUser(task), Records.idOf(task),
                    new UnderwritingService.PremiumReceipt(received, form.flag(VAR_PAID_IN_ONE_PAYMENT)));
        });
    }

    /** {@code ServiceTask_IssueEndorsement}. */
    @Bean
    JavaDelegate policyEndorsementIssueEndorsementDelegate(EndorsementService endorsements) {
        return execution -> endorsements.issue(Records.idOf(execution));
    }

    /** {@code ServiceTask_ReportEndorsement}. */
    @Bean
    JavaDelegate policyEndorsementReportEndorsementDelegate(EndorsementService endorsements) {
        return execution -> endorsements.report(Records.idOf(execution));
    }
}
