package org.anzexian.hazard;

import static org.anzexian.hazard.HazardRectificationProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/hazardRectification.bpmn}, one bean per model element,
 * named {@code hazardRectification<Element>Delegate} (service task) or {@code …Listener} (task listener)
 * after the element's id: each reads the hazard (the business key) and, for a user task, the form, calls
 * one {@link HazardService} method and sets the routing facts it returns.
 *
 * <p>A user task's complete listener is the Tasklist's adapter to the task's one door in the service; it
 * takes what {@code /api} recorded ({@link Acting#recordedForApi}) when {@code /api} went through the same
 * door before the gateway completed the task, and records nothing again. A refused form leaves the task open.
 */
@Configuration
class HazardRectificationDelegates {

    /** {@code ServiceTask_OpenRectification}: the first round's groups and dates. */
    @Bean
    JavaDelegate hazardRectificationOpenRectificationDelegate(HazardService hazards) {
        return execution -> openRound(hazards, execution);
    }

    /** {@code ServiceTask_OpenNextRound}: the next round's groups and dates after a rejected rectification. */
    @Bean
    JavaDelegate hazardRectificationOpenNextRoundDelegate(HazardService hazards) {
        return execution -> openRound(hazards, execution);
    }

    /** {@code ServiceTask_ReportMajorHazard}. */
    @Bean
    JavaDelegate hazardRectificationReportMajorHazardDelegate(HazardService hazards) {
        return execution -> hazards.reportMajorHazard(hazardId(execution));
    }

    /** {@code ServiceTask_RemindBuilder}. */
    @Bean
    JavaDelegate hazardRectificationRemindBuilderDelegate(HazardService hazards) {
        return execution -> hazards.remindBuilder(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_ChaseVerification}. */
    @Bean
    JavaDelegate hazardRectificationChaseVerificationDelegate(HazardService hazards) {
        return execution -> hazards.chaseVerification(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_EscalateToCounty}. */
    @Bean
    JavaDelegate hazardRectificationEscalateToCountyDelegate(HazardService hazards) {
        return execution -> hazards.escalateToCounty(hazardId(execution), round(execution));
    }

    /** {@code ServiceTask_EscalateToCity}. */
    @Bean
    JavaDelegate hazardRectificationEscalateToCityDelegate(HazardService hazards, HazardProperties properties) {
        return execution -> {
            hazards.escalateToCity(hazardId(execution), round(execution));
            // the city bureau's supervision task is due this long after the escalation (setting)
            execution.setVariable(VAR_CITY_SUPERVISION_WITHIN, properties.citySupervisionWithin().toString());
        };
    }

    /** {@code ServiceTask_AnnounceClosed}. */
    @Bean
    JavaDelegate hazardRectificationAnnounceClosedDelegate(HazardService hazards) {
        return execution -> hazards.announceClosed(hazardId(execution));
    }

    /**
     * {@code UserTask_Rectify} (embedded form {@code forms/hazardRectification.html}) → {@link HazardService#rectify}:
     * the uploaded photos go into the file store and leave the process, which keeps only the hazard id.
     */
    @Bean
    TaskListener hazardRectificationRectifyListener(HazardService hazards, FormUploads uploads) {
        return task -> {
            if (Acting.recordedForApi(task, Hazard.class).isPresent()) {
                return;
            }
            Actor actor = Acting.requireUser(task);
            List<String> photos = new ArrayList<>();
            for (int i = 1; i <= EVIDENCE_PHOTO_FIELDS; i++) {
                uploads.take(task, VAR_EVIDENCE_PHOTO_PREFIX + i, actor).ifPresent(photos::add);
            }
            String description = FormValues.text(task.getVariables(), VAR_EVIDENCE_DESCRIPTION);
            hazards.rectify(actor, hazardId(task), new HazardEvidence(description, photos));
            task.removeVariable(VAR_EVIDENCE_DESCRIPTION);
        };
    }

    /**
     * {@code UserTask_VerifyRectification} (embedded form {@code forms/hazardVerification.html}) →
     * {@link HazardService#verifyRectification}; the form's {@code verdict} also routes the process.
     */
    @Bean
    TaskListener hazardRectificationVerifyRectificationListener(HazardService hazards) {
        return task -> {
            Hazard verified = Acting.recordedForApi(task, Hazard.class).orElseGet(() -> {
                String verdict = FormValues.text(task.getVariables(), VAR_VERDICT);
                Boolean accepted = ACCEPT.equals(verdict) ? Boolean.TRUE : REJECT.equals(verdict) ? Boolean.FALSE : null;
                return hazards.verifyRectification(Acting.requireUser(task), hazardId(task),
                        new HazardVerdict(accepted, FormValues.text(task.getVariables(), VAR_VERDICT_REASON)));
            });
            // the route follows the recorded verdict, not what was submitted
            task.getExecution().setVariable(VAR_VERDICT, verified.status() == HazardStatus.CLOSED ? ACCEPT : REJECT);
            // the reason is in the hazard's record; the next round's form starts empty
            task.removeVariable(VAR_VERDICT_REASON);
        };
    }

    /** {@code UserTask_CountySupervision} → {@link HazardService#supervise}. */
    @Bean
    TaskListener hazardRectificationCountySupervisionListener(HazardService hazards) {
        return task -> supervise(hazards, task, HazardEscalation.COUNTY);
    }

    /** {@code UserTask_CitySupervision} → {@link HazardService#supervise}. */
    @Bean
    TaskListener hazardRectificationCitySupervisionListener(HazardService hazards) {
        return task -> supervise(hazards, task, HazardEscalation.CITY);
    }

    /** Records the note; it is in the archive then, and the other level's form starts empty. */
    private static void supervise(HazardService hazards, DelegateTask task, HazardEscalation level) {
        hazards.supervise(Acting.requireUser(task), hazardId(task), level,
                FormValues.text(task.getVariables(), VAR_SUPERVISION_NOTE));
        task.removeVariable(VAR_SUPERVISION_NOTE);
    }

    /** The round's groups and dates as the variables the model's tasks and timers read. */
    private static void openRound(HazardService hazards, DelegateExecution execution) {
        OpenRound round = hazards.openRound(hazardId(execution));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_ROUND, round.round());
        variables.put(VAR_BUILDER_GROUP, round.builderGroup());
        variables.put(VAR_VERIFIER_GROUP, round.verifierGroup());
        variables.put(VAR_COUNTY_GROUP, round.countyGroup());
        variables.put(VAR_REMINDER_AT, Date.from(round.reminderAt().toInstant()));
        variables.put(VAR_DEADLINE_AT, Date.from(round.deadlineAt().toInstant()));
        variables.put(VAR_CITY_ESCALATION_AT, Date.from(round.cityEscalationAt().toInstant()));
        variables.put(VAR_VERIFICATION_WITHIN, round.verificationWithin());
        execution.setVariables(variables);
    }

    private static int round(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_ROUND)).intValue();
    }
}
