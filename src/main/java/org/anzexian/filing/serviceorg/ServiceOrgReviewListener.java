package org.anzexian.filing.serviceorg;

import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code UserTask_ReviewFiling} (Tasklist or {@code /api}): records who decided what;
 * a rejection or request for more without a reason is refused and the task stays open.
 */
@Component
class ServiceOrgReviewListener implements TaskListener {

    private final ServiceOrgFilingService filings;

    ServiceOrgReviewListener(ServiceOrgFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateTask task) {
        filings.recordReview(ServiceOrgFilingProcess.filingId(task),
                FormValues.text(task.getVariables(), ServiceOrgFilingProcess.VAR_REVIEW_DECISION),
                FormValues.text(task.getVariables(), ServiceOrgFilingProcess.VAR_REVIEW_REASON),
                Acting.requireUser(task).userId());
    }
}
