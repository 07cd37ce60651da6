package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.visitId;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/preventionServiceVisit.bpmn}, one bean per model
 * element, named {@code preventionServiceVisit<Element>Delegate} (service task) or {@code …Listener}
 * (task listener) after the element's id: each reads the visit (the business key) and, for a form, its
 * fields, calls one {@link VisitService} method and sets the routing facts and dates it returns.
 *
 * <p>A user task's complete listener is the Tasklist's adapter to the task's one door in the service; it
 * takes what {@code /api} recorded ({@link Acting#recordedForApi}) when {@code /api} went through the same
 * door before the gateway completed the task, and records nothing again. A refused form leaves the task open. Uploaded
 * files move into the file store and only their hashes stay (DESIGN.md §7).
 */
@Configuration
class PreventionServiceVisitDelegates {

    /**
     * {@code ServiceTask_AcceptRequest}: an extra visit requested through the Tasklist start form
     * ({@code visitRequestStart}) → {@link VisitService#requestVisit}; the new visit becomes the business key.
     */
    @Bean
    JavaDelegate preventionServiceVisitAcceptRequestDelegate(VisitService visits, Clock clock) {
        return execution -> {
            FormValues form = new FormValues(execution.getVariables(), clock.getZone());
            VisitDue due = visits.requestVisitByNumber(Acting.requireUser(execution),
                    form.text(PreventionServiceVisitProcess.VAR_POLICY_NUMBER),
                    form.text(PreventionServiceVisitProcess.VAR_REQUEST_REASON));
            execution.setVariables(PreventionServiceVisitProcess.variables(due));
            execution.setProcessBusinessKey(String.valueOf(due.visitId()));
        };
    }

    /** {@code UserTask_RecordVisit} (embedded form {@code forms/visitRecord.html}) → {@link VisitService#recordVisit}. */
    @Bean
    TaskListener preventionServiceVisitRecordVisitListener(VisitService visits, Clock clock) {
        return task -> {
            VisitRecorded recorded = Acting.recordedForApi(task, VisitRecorded.class).orElseGet(() ->
                    visits.recordVisit(Acting.requireUser(task), visitId(task),
                            VisitForms.record(new FormValues(task.getVariables(), clock.getZone()))));
            task.getExecution().setVariables(PreventionServiceVisitProcess.variables(recorded));
        };
    }

    /**
     * {@code UserTask_UploadReport} (embedded form {@code forms/visitReport.html}) → {@link VisitService#uploadReport}:
     * the report and each hazard row's photos move into the file store.
     */
    @Bean
    TaskListener preventionServiceVisitUploadReportListener(VisitService visits, FormUploads uploads, Clock clock) {
        return task -> {
            if (Acting.recordedForApi(task, Visit.class).isPresent()) {
                return;
            }
            Actor actor = Acting.requireUser(task);
            String report = uploads.take(task, VisitForms.REPORT_FILE, actor).orElse(null);
            Set<String> submitted = Set.copyOf(task.getVariableNames());
            Map<String, Optional<String>> photos = new LinkedHashMap<>();
            VisitForms.photoFields(submitted).forEach(field -> photos.put(field, uploads.take(task, field, actor)));
            var hazards = VisitForms.hazards(new FormValues(task.getVariables(), clock.getZone()), submitted, photos);
            visits.uploadReport(actor, visitId(task), new VisitReportRequest(report, hazards));
        };
    }

    /** {@code ServiceTask_RemindVisit}. */
    @Bean
    JavaDelegate preventionServiceVisitRemindVisitDelegate(VisitService visits) {
        return execution -> visits.remind(visitId(execution));
    }

    /** {@code ServiceTask_MarkVisitMissed}. */
    @Bean
    JavaDelegate preventionServiceVisitMarkVisitMissedDelegate(VisitService visits) {
        return execution -> visits.markMissed(visitId(execution));
    }

    /** {@code ServiceTask_ReportRefusal}. */
    @Bean
    JavaDelegate preventionServiceVisitReportRefusalDelegate(VisitService visits) {
        return execution -> visits.reportRefusal(visitId(execution));
    }

    /** {@code ServiceTask_FlagReportLate}. */
    @Bean
    JavaDelegate preventionServiceVisitFlagReportLateDelegate(VisitService visits) {
        return execution -> visits.flagReportLate(visitId(execution));
    }

    /** {@code ServiceTask_DistributeReport}. */
    @Bean
    JavaDelegate preventionServiceVisitDistributeReportDelegate(VisitService visits) {
        return execution -> visits.distributeReport(visitId(execution));
    }

    /** {@code ServiceTask_ScheduleNextVisit}. */
    @Bean
    JavaDelegate preventionServiceVisitScheduleNextVisitDelegate(VisitService visits) {
        return execution -> visits.scheduleNext(visitId(execution));
    }
}
