package org.anzexian.claim;

import static org.anzexian.claim.ClaimHandlingProcess.claimId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reminders and escalations of {@code processes/claimHandling.bpmn}: one bean per service task. */
@Configuration
class ClaimDeadlineDelegates {

    /** {@code ServiceTask_RemindDocuments}. */
    @Bean
    JavaDelegate claimRemindDocumentsDelegate(ClaimService claims) {
        return execution -> claims.remindDocuments(claimId(execution));
    }

    /** {@code ServiceTask_RemindDecision}. */
    @Bean
    JavaDelegate claimRemindDecisionDelegate(ClaimService claims) {
        return execution -> claims.remindDecision(claimId(execution));
    }

    /** {@code ServiceTask_RemindPayment}. */
    @Bean
    JavaDelegate claimRemindPaymentDelegate(ClaimService claims) {
        return execution -> claims.remindPayment(claimId(execution));
    }

    /** {@code ServiceTask_EscalateAcknowledgement}. */
    @Bean
    JavaDelegate claimEscalateAcknowledgementDelegate(ClaimService claims) {
        return execution -> claims.escalateAcknowledgement(claimId(execution));
    }

    /** {@code ServiceTask_EscalateDecision}. */
    @Bean
    JavaDelegate claimEscalateDecisionDelegate(ClaimService claims) {
        return execution -> claims.escalateDecision(claimId(execution));
    }

    /** {@code ServiceTask_EscalatePayment}. */
    @Bean
    JavaDelegate claimEscalatePaymentDelegate(ClaimService claims) {
        return execution -> claims.escalatePayment(claimId(execution));
    }
}
