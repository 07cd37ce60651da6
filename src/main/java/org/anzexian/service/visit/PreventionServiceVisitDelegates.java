package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.visitId;

import java.time.Clock;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one-line delegates of {@code processes/preventionServiceVisit.bpmn} and {@code countyVisitDigest.bpmn}. */
@Configuration
class VisitDelegates {

    /** {@code ServiceTask_AcceptRequest}: an extra visit requested through the Tasklist start form. */
    @Bean
    JavaDelegate visitAcceptRequestDelegate(VisitService visits, Clock clock) {
        return execution -> {
            var variables = visits.requestExtraFromStartForm(Acting.requireUser(execution), VisitForms.request(new FormValues(execution.getVariables(), clock.getZone())));
            execution.setVariables(variables);
            execution.setProcessBusinessKey(String.valueOf(variables.get(PreventionServiceVisitProcess.VAR_VISIT_ID)));
        };
    }

    /** {@code ServiceTask_RemindVisit}. */
    @Bean
    JavaDelegate visitReminderDelegate(VisitService visits) {
        return execution -> visits.remind(visitId(execution));
    }

    /** {@code ServiceTask_MarkVisitMissed}. */
    @Bean
    JavaDelegate visitMissedDelegate(VisitService visits) {
        return execution -> visits.markMissed(visitId(execution));
    }

    /** {@code ServiceTask_ReportRefusal}. */
    @Bean
    JavaDelegate visitRefusalDelegate(VisitService visits) {
        return execution -> visits.reportRefusal(visitId(execution));
    }

    /** {@code ServiceTask_FlagReportLate}. */
    @Bean
    JavaDelegate visitReportLateDelegate(VisitService visits) {
        return execution -> visits.flagReportLate(visitId(execution));
    }

    /** {@code ServiceTask_DistributeReport}. */
    @Bean
    JavaDelegate visitDistributeReportDelegate(VisitService visits) {
        return execution -> visits.distributeReport(visitId(execution));
    }

    /** {@code ServiceTask_ScheduleNextVisit}. */
    @Bean
    JavaDelegate visitScheduleNextDelegate(VisitService visits) {
        return execution -> visits.scheduleNext(visitId(execution));
    }

    /** {@code ServiceTask_SendDigests} of {@code countyVisitDigest}. */
    @Bean
    JavaDelegate visitDigestDelegate(VisitService visits) {
        return (DelegateExecution execution) -> visits.sendDigests();
    }
}
