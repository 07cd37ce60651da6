package org.anzexian.filing.insurer;

import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one-line delegates of {@code processes/insurerFiling.bpmn} and {@code insurerFilingWatch.bpmn}. */
@Configuration
class InsurerFilingDelegates {

    /** The business key (ADR 0007). */
    static long filingId(VariableScope scope) {
        return Records.idOf(scope);
    }

    /** {@code ServiceTask_ApproveFiling}. */
    @Bean
    JavaDelegate approveInsurerFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.approve(filingId(execution));
    }

    /** {@code ServiceTask_RejectFiling}. */
    @Bean
    JavaDelegate rejectInsurerFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.reject(filingId(execution));
    }

    /** {@code ServiceTask_WithdrawFiling}. */
    @Bean
    JavaDelegate withdrawInsurerFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.withdraw(filingId(execution));
    }

    /** {@code ServiceTask_LapseFiling}. */
    @Bean
    JavaDelegate lapseInsurerFilingDelegate(InsurerFilingService filings) {
        return execution -> filings.lapse(filingId(execution));
    }

    /** {@code ServiceTask_RemindReviewer}. */
    @Bean
    JavaDelegate remindFilingReviewerDelegate(InsurerFilingService filings) {
        return execution -> filings.remindReviewer(filingId(execution));
    }

    /** {@code ServiceTask_WatchExpiries} of the watch process. */
    @Bean
    JavaDelegate watchInsurerFilingsDelegate(InsurerFilingService filings) {
        return (DelegateExecution execution) -> filings.watchExpiries();
    }
}
