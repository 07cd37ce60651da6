package org.anzexian.hazard;

import static org.anzexian.hazard.HazardRectificationProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code processes/hazardRectification.bpmn}: read the hazard id and the form fields,
 * call {@link HazardService}, set the routing facts. The complete listeners refuse a bad form (the task
 * stays open with the message).
 */
@Configuration
class HazardDelegates {

    /** {@code ServiceTask_OpenRectification}, {@code ServiceTask_OpenNextRound}: the round's groups and dates. */
    @Bean
    JavaDelegate hazardOpenRoundDelegate(HazardService hazards) {
        return execution -> execution.setVariables(hazards.openRound(hazardId(execution)));
    }

    /** {@code ServiceTask_ReportMajorHazard}. */
    @Bean
    JavaDelegate hazardReportMajorDelegate(HazardService hazards) {
        return execution -> hazards.reportMajorHazard(hazardId(execution));
    }

    /** {@code ServiceTask_RemindBuilder}. */
    @Bean
    JavaDelegate hazardReminderDelegate(HazardService hazards) {
        return execution -> hazards.remindBuilder(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_ChaseVerification}. */
    @Bean
    JavaDelegate hazardChaseVerificationDelegate(HazardService hazards) {
        return execution -> hazards.chaseVerification(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_EscalateToCounty}. */
    @Bean
    JavaDelegate hazardCountyEscalationDelegate(HazardService hazards) {
        return execution -> hazards.escalateToCounty(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_EscalateToCity}. */
    @Bean
    JavaDelegate hazardCityEscalationDelegate(HazardService hazards) {
        return execution -> hazards.escalateToCity(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_AnnounceClosed}. */
    @Bean
    JavaDelegate hazardAnnounceClosedDelegate(HazardService hazards) {
        return execution -> hazards.announceClosed(hazardId(execution));
    }

    /**
     * {@code UserTask_Rectify} (embedded form {@code forms/hazardRectification.html}): the uploaded photos
     * go into the file store and leave the process, which keeps only the hazard id.
     */
    @Bean
    TaskListener hazardEvidenceDelegate(HazardService hazards, FormUploads uploads) {
        return task -> {
            String userId = actor(task);
            List<String> photos = new ArrayList<>();
            for (int i = 1; i <= EVIDENCE_PHOTO_FIELDS; i++) {
                uploads.take(task, VAR_EVIDENCE_PHOTO_PREFIX + i, userId).ifPresent(photos::add);
            }
            String description = FormValues.text(task.getVariables(), VAR_EVIDENCE_DESCRIPTION);
            hazards.recordEvidenceFromForm(hazardId(task), description, photos, userId);
            task.removeVariable(VAR_EVIDENCE_DESCRIPTION);
        };
    }

    /** {@code UserTask_VerifyRectification}: the verdict ({@code verdict}) also routes the process. */
    @Bean
    TaskListener hazardVerificationDelegate(HazardService hazards) {
        return task -> {
            hazards.recordVerdictFromForm(hazardId(task), FormValues.text(task.getVariables(), VAR_VERDICT),
                    FormValues.text(task.getVariables(), VAR_VERDICT_REASON), actor(task));
            // the reason is in the hazard's record; the next round's form starts empty
            task.removeVariable(VAR_VERDICT_REASON);
        };
    }

    /** {@code UserTask_CountySupervision}. */
    @Bean
    TaskListener hazardCountySupervisionDelegate(HazardService hazards) {
        return task -> supervise(hazards, task, HazardEscalation.COUNTY);
    }

    /** {@code UserTask_CitySupervision}. */
    @Bean
    TaskListener hazardCitySupervisionDelegate(HazardService hazards) {
        return task -> supervise(hazards, task, HazardEscalation.CITY);
    }

    /** Records the note; it is in the archive then, and the other level's form starts empty. */
    private static void supervise(HazardService hazards, DelegateTask task, HazardEscalation level) {
        hazards.recordSupervision(hazardId(task), level, FormValues.text(task.getVariables(), VAR_SUPERVISION_NOTE),
                actor(task));
        task.removeVariable(VAR_SUPERVISION_NOTE);
    }

    private static int round(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_ROUND)).intValue();
    }

    private static String actor(DelegateTask task) {
        return Acting.requireUser(task).userId();
    }
}
