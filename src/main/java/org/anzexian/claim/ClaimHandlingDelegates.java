package org.anzexian.claim;

import static org.anzexian.claim.ClaimHandlingProcess.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.files.FormUploads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code processes/claimHandling.bpmn}: one bean per model element, each a
 * thin adapter to one method of {@link ClaimService}. A user task's complete listener reads the form
 * ({@link ClaimForms}) and calls the task's one method; when {@code /api} completed the task, that method
 * has run already and the listener takes what it recorded ({@link Acting#recordedForApi}). Either way the
 * listener alone turns the recorded step into the routing facts and timer dates the model reads.
 */
@Configuration
class ClaimHandlingDelegates {

    /** {@code ServiceTask_RecordReport}: a start form's report is recorded now; a report through {@code /api} was. */
    @Bean
    JavaDelegate claimHandlingRecordReportDelegate(ClaimService claims, FormUploads uploads, Clock clock) {
        return execution -> {
            ClaimSteps.Opened opened;
            if (execution.getProcessBusinessKey() != null) {
                opened = Acting.recordedForApi(execution, ClaimSteps.Opened.class)
                        .orElseGet(() -> claims.opened(claimId(execution)));
            } else {
                Actor actor = Acting.requireUser(execution, "请登录后报案 (log in to report an accident)");
                List<String> photos = ClaimForms.PHOTO_UPLOADS.stream()
                        .flatMap(name -> uploads.take(execution, name, actor).stream()).toList();
                opened = claims.reportFromStartForm(actor, new FormValues(execution.getVariables(), clock.getZone()),
                        photos, execution.getProcessInstanceId());
                // the claim number people see; the Tasklist's start notice shows it (#12)
                execution.setProcessBusinessKey(String.valueOf(opened.claimId()));
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_CLAIM_ID, opened.claimId());
            variables.put(VAR_INSURER_GROUP, opened.insurerGroup());
            variables.put(VAR_BUILDER_GROUP, opened.builderGroup());
            variables.put(VAR_ACKNOWLEDGEMENT_DUE_AT, date(opened.acknowledgementDueAt()));
            variables.put(VAR_DOCUMENTS_REMINDER_CYCLE, opened.documentsReminderCycle());
            variables.put(VAR_CASE_SUMMARY, opened.caseSummary());
            execution.setVariables(variables);
        };
    }

    /** {@code ServiceTask_AnnounceReport}. */
    @Bean
    JavaDelegate claimHandlingAnnounceReportDelegate(ClaimService claims) {
        return execution -> claims.announceReport(claimId(execution));
    }

    /** {@code UserTask_Acknowledge}. */
    @Bean
    TaskListener claimHandlingAcknowledgeListener(ClaimService claims, ClaimProperties properties, Clock clock) {
        return task -> {
            Claim claim = recorded(task, Claim.class).orElseGet(() -> claims.recordAcknowledgement(actor(task),
                    claimId(task), ClaimForms.acknowledgement(form(task, clock))));
            task.getExecution().setVariable(VAR_SURVEY_DUE_AT, date(claim.acknowledgedAt().plus(properties.surveyPeriod())));
            task.getExecution().setVariable(VAR_DOCUMENTS_DUE_AT,
                    date(claim.acknowledgedAt().plus(properties.documentsPeriod())));
        };
    }

    /** {@code ServiceTask_EscalateAcknowledgement}. */
    @Bean
    JavaDelegate claimHandlingEscalateAcknowledgementDelegate(ClaimService claims) {
        return execution -> claims.escalateAcknowledgement(claimId(execution));
    }

    /** {@code ServiceTask_SendAcknowledgement}. */
    @Bean
    JavaDelegate claimHandlingSendAcknowledgementDelegate(ClaimService claims) {
        return execution -> claims.sendAcknowledgement(claimId(execution));
    }

    /** {@code UserTask_Survey}. */
    @Bean
    TaskListener claimHandlingSurveyListener(ClaimService claims, Clock clock) {
        return task -> {
            recorded(task, Claim.class).orElseGet(() ->
                    claims.recordSurvey(actor(task), claimId(task), ClaimForms.survey(form(task, clock))));
            task.getExecution().setVariable(VAR_CASE_SUMMARY, claims.caseSummary(claimId(task)));
        };
    }

    /** {@code UserTask_ProvideDocuments}: files uploaded in the embedded form join the hashes typed in, as stored files. */
    @Bean
    TaskListener claimHandlingProvideDocumentsListener(ClaimService claims, FormUploads uploads,
            ClaimProperties properties, Clock clock) {
        return task -> {
            recorded(task, Claim.class).orElseGet(() -> {
                Actor actor = actor(task);
                List<String> uploaded = ClaimForms.DOCUMENT_UPLOADS.stream()
                        .flatMap(name -> uploads.take(task, name, actor).stream()).toList();
                return claims.recordDocuments(actor, claimId(task), ClaimForms.documents(form(task, clock), uploaded));
            });
            task.getExecution().setVariable(VAR_DOCUMENTS_REVIEW_DUE_AT,
                    date(OffsetDateTime.now(clock).plus(properties.documentsReviewPeriod())));
        };
    }

    /** {@code ServiceTask_RemindDocuments}. */
    @Bean
    JavaDelegate claimHandlingRemindDocumentsDelegate(ClaimService claims) {
        return execution -> claims.remindDocuments(claimId(execution));
    }

    /** {@code UserTask_ReviewDocuments}: routes on complete; when complete the decision's timers start. */
    @Bean
    TaskListener claimHandlingReviewDocumentsListener(ClaimService claims, ClaimProperties properties, Clock clock) {
        return task -> {
            ClaimSteps.DocumentsReviewed reviewed = recorded(task, ClaimSteps.DocumentsReviewed.class).orElseGet(() ->
                    claims.recordDocumentReview(actor(task), claimId(task), ClaimForms.documentReview(form(task, clock))));
            route(task, VAR_DOCUMENTS_COMPLETE, reviewed.complete(), VAR_DECISION_REMINDER_AT,
                    reviewed.decisionReminderAt(), VAR_DECISION_DUE_AT, reviewed.decisionDueAt());
            if (!reviewed.complete()) {
                task.getExecution().setVariable(VAR_DOCUMENTS_DUE_AT,
                        date(OffsetDateTime.now(clock).plus(properties.documentsPeriod())));
            }
        };
    }

    /** {@code ServiceTask_RequestMoreDocuments}. */
    @Bean
    JavaDelegate claimHandlingRequestMoreDocumentsDelegate(ClaimService claims) {
        return execution -> claims.requestMoreDocuments(claimId(execution));
    }

    /** {@code UserTask_Decide}: routes on covered; when covered the payment's timers start. */
    @Bean
    TaskListener claimHandlingDecideListener(ClaimService claims, Clock clock) {
        return task -> {
            ClaimSteps.Decided decided = recorded(task, ClaimSteps.Decided.class).orElseGet(() ->
                    claims.recordDecision(actor(task), claimId(task), form(task, clock)));
            route(task, VAR_COVERED, decided.covered(), VAR_PAYMENT_REMINDER_AT, decided.paymentReminderAt(),
                    VAR_PAYMENT_DUE_AT, decided.paymentDueAt());
            task.getExecution().setVariable(VAR_CASE_SUMMARY, claims.caseSummary(claimId(task)));
        };
    }

    /** {@code ServiceTask_RemindDecision}. */
    @Bean
    JavaDelegate claimHandlingRemindDecisionDelegate(ClaimService claims) {
        return execution -> claims.remindDecision(claimId(execution));
    }

    /** {@code ServiceTask_EscalateDecision}. */
    @Bean
    JavaDelegate claimHandlingEscalateDecisionDelegate(ClaimService claims) {
        return execution -> claims.escalateDecision(claimId(execution));
    }

    /** {@code ServiceTask_AnnounceDecision}. */
    @Bean
    JavaDelegate claimHandlingAnnounceDecisionDelegate(ClaimService claims) {
        return execution -> claims.announceDecision(claimId(execution));
    }

    /** {@code UserTask_RecordPayment}. */
    @Bean
    TaskListener claimHandlingRecordPaymentListener(ClaimService claims, ClaimProperties properties, Clock clock) {
        return task -> {
            recorded(task, Claim.class).orElseGet(() ->
                    claims.recordPayment(actor(task), claimId(task), ClaimForms.payment(form(task, clock))));
            task.getExecution().setVariable(VAR_RECOMMENDATIONS_DUE_AT,
                    date(OffsetDateTime.now(clock).plus(properties.recommendationsPeriod())));
        };
    }

    /** {@code ServiceTask_RemindPayment}. */
    @Bean
    JavaDelegate claimHandlingRemindPaymentDelegate(ClaimService claims) {
        return execution -> claims.remindPayment(claimId(execution));
    }

    /** {@code ServiceTask_EscalatePayment}. */
    @Bean
    JavaDelegate claimHandlingEscalatePaymentDelegate(ClaimService claims) {
        return execution -> claims.escalatePayment(claimId(execution));
    }

    /** {@code ServiceTask_AnnouncePayment}. */
    @Bean
    JavaDelegate claimHandlingAnnouncePaymentDelegate(ClaimService claims) {
        return execution -> claims.announcePayment(claimId(execution));
    }

    /** {@code UserTask_WriteRecommendations}: routes on whether every rectification item becomes a hazard. */
    @Bean
    TaskListener claimHandlingWriteRecommendationsListener(ClaimService claims, Clock clock) {
        return task -> {
            ClaimSteps.RecommendationsWritten written = recorded(task, ClaimSteps.RecommendationsWritten.class)
                    .orElseGet(() -> claims.recordRecommendations(actor(task), claimId(task),
                            ClaimForms.recommendations(form(task, clock))));
            task.getExecution().setVariable(VAR_RAISE_HAZARDS, written.raiseHazards());
        };
    }

    /** {@code ServiceTask_DeliverRecommendations}. */
    @Bean
    JavaDelegate claimHandlingDeliverRecommendationsDelegate(ClaimService claims) {
        return execution -> claims.deliverRecommendations(claimId(execution),
                Boolean.TRUE.equals(execution.getVariable(VAR_RAISE_HAZARDS)));
    }

    /** The routing fact of a step and, when it holds, the reminder and due date of the step it starts. */
    private static void route(DelegateTask task, String fact, boolean holds, String reminderVariable,
            OffsetDateTime reminderAt, String dueVariable, OffsetDateTime dueAt) {
        DelegateExecution execution = task.getExecution();
        execution.setVariable(fact, holds);
        if (holds) {
            execution.setVariable(reminderVariable, date(reminderAt));
            execution.setVariable(dueVariable, date(dueAt));
        }
    }

    private static <T> Optional<T> recorded(DelegateTask task, Class<T> type) {
        return Acting.recordedForApi(task, type);
    }

    private static Actor actor(DelegateTask task) {
        return Acting.requireUser(task);
    }

    private static FormValues form(DelegateTask task, Clock clock) {
        return new FormValues(task.getVariables(), clock.getZone());
    }

    private static Date date(OffsetDateTime moment) {
        return Date.from(moment.toInstant());
    }
}
