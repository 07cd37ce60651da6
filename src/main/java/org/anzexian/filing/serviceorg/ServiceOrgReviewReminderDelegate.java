package org.anzexian.filing.serviceorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RemindReviewer}: reminds the city bureau of an overdue review. */
@Component
class ServiceOrgReviewReminderDelegate implements JavaDelegate {

    private final ServiceOrgFilingService filings;

    ServiceOrgReviewReminderDelegate(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filings.remindReviewer(ServiceOrgFilingProcess.filingId(execution));
    }
}
