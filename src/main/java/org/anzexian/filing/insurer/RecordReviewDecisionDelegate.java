package org.anzexian.filing.insurer;

import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_ReviewFiling}: validates the decision on the server (the
 * Camunda Form validates only in the browser) and records who decided; a refused decision keeps
 * the task open with the message.
 */
@Component("recordReviewDecisionDelegate")
class RecordReviewDecisionDelegate implements TaskListener {

    private final InsurerFilingService filings;

    RecordReviewDecisionDelegate(InsurerFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateTask task) {
        String reasons = filings.recordReview(InsurerFilingDelegates.filingId(task), Acting.requireUser(task).userId(),
                FormValues.text(task.getVariables(), InsurerFilingProcess.VAR_REVIEW_DECISION),
                FormValues.text(task.getVariables(), InsurerFilingProcess.VAR_REVIEW_REASON));
        if (reasons != null) {
            task.getExecution().setVariable(InsurerFilingProcess.VAR_CORRECTION_REASONS, reasons);
        }
    }
}
