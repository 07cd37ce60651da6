package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.visitId;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.files.FormUploads;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        return task -> task.getExecution().setVariables(visits.recordFromForm(Acting.requireUser(task), visitId(task),
                VisitForms.record(new FormValues(task.getVariables(), clock.getZone()))));
    }

    /** {@code UserTask_UploadReport}: the report and the photos move into the file store; hazard lines name photos by number. */
    @Bean
    TaskListener visitReportFormListener(VisitService visits, FormUploads uploads, Clock clock) {
        return task -> {
            var actor = Acting.requireUser(task);
            String report = uploads.take(task, VisitForms.REPORT_FILE, actor.userId()).orElse(null);
            // every photo once, so that several hazard lines may show the same one
            List<Optional<String>> photos = VisitForms.PHOTOS.stream()
                    .map(photo -> uploads.take(task, photo, actor.userId())).toList();
            if (report == null && visits.require(visitId(task)).status() != VisitStatus.VISITED) {
                return;
            }
            var hazards = VisitForms.hazards(new FormValues(task.getVariables(), clock.getZone()), number -> {
                if (number < 1 || number > photos.size()) {
                    throw new InvalidRequestException(VisitForms.HAZARD_LINES, "照片序号须为 1 至 "
                            + photos.size() + " (photo number out of range): " + number);
                }
                return photos.get(number - 1).orElseThrow(() -> new InvalidRequestException(
                        VisitForms.PHOTOS.get(number - 1), "未上传照片 " + number + " (photo " + number + " not uploaded)"));
            });
            visits.reportFromForm(actor, visitId(task), new VisitReportRequest(report, hazards));
        };
    }
}
