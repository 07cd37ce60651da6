package org.anzexian.claim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of every user task of {@code claimHandling} (Tasklist form or {@code /api}): the step goes
 * through {@link ClaimService#recordStep}; a refused step leaves the task open.
 */
@Component
class ClaimTaskListener implements TaskListener {

    private final ClaimService claims;
    private final FormUploads uploads;

    ClaimTaskListener(ClaimService claims, FormUploads uploads) {
        this.claims = claims;
        this.uploads = uploads;
    }

    @Override
    public void notify(DelegateTask task) {
        String userId = Acting.requireUser(task).userId();
        Map<String, Object> form = new HashMap<>(task.getVariables());
        if (ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS.equals(task.getTaskDefinitionKey())) {
            // files uploaded in the embedded form join the hashes typed in, as stored files
            List<String> files = new ArrayList<>();
            Object typed = form.get(ClaimForms.DOCUMENT_FILES);
            if (typed instanceof String text && !text.isBlank()) {
                files.add(text);
            }
            ClaimForms.DOCUMENT_UPLOADS.forEach(name -> uploads.take(task, name, userId).ifPresent(files::add));
            ClaimForms.DOCUMENT_UPLOADS.forEach(form::remove);
            form.put(ClaimForms.DOCUMENT_FILES, String.join("\n", files));
        }
        task.getExecution().setVariables(claims.recordStep(ClaimHandlingProcess.claimId(task),
                task.getTaskDefinitionKey(), form, userId));
    }
}
