package org.anzexian.supervision.assessment;

import static org.anzexian.supervision.assessment.PeriodicAssessmentProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code processes/periodicAssessment.bpmn}, named {@code periodicAssessment<Element>Delegate}. */
@Configuration
class PeriodicAssessmentDelegates {

    /** {@code ServiceTask_AssessPeriod}: compute, score, rank and store the period that just ended. */
    @Bean
    JavaDelegate periodicAssessmentAssessPeriodDelegate(AssessmentService assessments) {
        return execution -> {
            LocalDate[] period = assessments.periodEndingNow();
            // the run's record is its period: who decides its measures is read from it (AssessmentStepOwners)
            execution.setProcessBusinessKey(AssessmentStepOwners.recordOf(period[1]));
            execution.setVariable(VAR_PERIOD_START, period[0].toString());
            execution.setVariable(VAR_PERIOD_END, period[1].toString());
            execution.setVariable(VAR_CASE_SUMMARY, "全市 · 保险机构和服务机构考核 · " + Assessment.periodLabel(period[0], period[1]));
            List<Long> bottom = new ArrayList<>(assessments.assess(period[0], period[1]));
            execution.setVariable(VAR_BOTTOM_ORGANIZATIONS, bottom);
            execution.setVariable(VAR_ANY_AT_BOTTOM, !bottom.isEmpty());
        };
    }

    /** {@code ServiceTask_PublishRanking}. */
    @Bean
    JavaDelegate periodicAssessmentPublishRankingDelegate(AssessmentService assessments) {
        return execution -> assessments.publish(date(execution, VAR_PERIOD_START), date(execution, VAR_PERIOD_END));
    }

    /** {@code StartEvent_Measure}: the decision task of this pass names its organization and period. */
    @Bean
    ExecutionListener periodicAssessmentMeasureListener(AssessmentService assessments) {
        return execution -> execution.setVariableLocal(VAR_CASE_SUMMARY, assessments.measureSummary(
                ((Number) execution.getVariable(VAR_ORGANIZATION_ID)).longValue(), date(execution, VAR_PERIOD_END)));
    }

    /** {@code ServiceTask_ApplyMeasures}: one organization's decided measure. */
    @Bean
    JavaDelegate periodicAssessmentApplyMeasuresDelegate(AssessmentService assessments) {
        return execution -> assessments.applyMeasure(((Number) execution.getVariable(VAR_ORGANIZATION_ID)).longValue(),
                date(execution, VAR_PERIOD_END),
                BottomMeasure.valueOf((String) execution.getVariable(VAR_MEASURE)),
                String.valueOf(execution.getVariable(VAR_MEASURE_REASON)));
    }

    private static LocalDate date(DelegateExecution execution, String name) {
        return LocalDate.parse((String) execution.getVariable(name));
    }
}
