package org.anzexian.filing.insurer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate of {@code processes/insurerFilingWatch.bpmn}. */
@Configuration
class InsurerFilingWatchDelegates {

    /** {@code ServiceTask_WatchExpiries}. */
    @Bean
    JavaDelegate insurerFilingWatchWatchExpiriesDelegate(InsurerFilingService filings) {
        return execution -> filings.watchExpiries();
    }
}
