package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.visitId;

import java.time.Clock;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completion of the visit tasks from the Tasklist: the form's fields go through the same checks as
 * {@code /api}; a refused form leaves the task open. Uploaded files move into the file store and only
 * their hashes stay (DESIGN.md §7).
 */
@Configuration
class VisitFormListeners {

    /** {@code UserTask_RecordVisit}. */
    @Bean
    TaskListener visitRecordFormListener(VisitService visits, Clock clock) {
        return task -> task.getExecution().setVariables(visits.recordFromForm(VisitForms.actor(task), visitId(task),
                VisitForms.record(task, clock.getZone())));
    }

    /** {@code UserTask_UploadReport}. */
    @Bean
    TaskListener visitReportFormListener(VisitService visits, FileStore files) {
        return task -> {
            var actor = VisitForms.actor(task);
            String report = store(task, VisitForms.REPORT_FILE, files, actor.userId());
            if (report == null && visits.require(visitId(task)).status() != VisitStatus.VISITED) {
                return;
            }
            var hazards = VisitForms.hazards(task.getVariable(VisitForms.HAZARD_LINES), number -> {
                if (number < 1 || number > VisitForms.PHOTOS.size()) {
                    throw new InvalidRequestException(VisitForms.HAZARD_LINES, "照片序号须为 1 至 "
                            + VisitForms.PHOTOS.size() + " (photo number out of range): " + number);
                }
                String hash = store(task, VisitForms.PHOTOS.get(number - 1), files, actor.userId());
                if (hash == null) {
                    throw new InvalidRequestException(VisitForms.PHOTOS.get(number - 1), "未上传照片 " + number
                            + " (photo " + number + " not uploaded)");
                }
                return hash;
            });
            visits.reportFromForm(actor, visitId(task), new VisitReportRequest(report, hazards));
            task.getExecution().removeVariable(VisitForms.REPORT_FILE);
            VisitForms.PHOTOS.forEach(task.getExecution()::removeVariable);
        };
    }

    private static String store(DelegateTask task, String name, FileStore files, String userId) {
        if (!(task.getVariableTyped(name) instanceof FileValue file) || file.getValue() == null) {
            return null;
        }
        try (var content = file.getValue()) {
            return files.store(file.getFilename(), file.getMimeType(), content.readAllBytes(), userId).sha256();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read uploaded " + name, e);
        }
    }
}
