package org.anzexian.supervision.assessment;

import org.anzexian.platform.engine.gate.ForModels;
import org.springframework.stereotype.Component;

/** The timer of {@code processes/periodicAssessment.bpmn} reads its cycle here: {@code ${assessmentSchedule.cycle()}}. */
@ForModels
@Component("assessmentSchedule")
public class AssessmentSchedule {

    private final AssessmentProperties properties;

    AssessmentSchedule(AssessmentProperties properties) {
        this.properties = properties;
    }

    /** A Camunda time cycle (cron or ISO 8601 repeat), from {@code anzexian.assessment.cycle}. */
    public String cycle() {
        return properties.cycle();
    }
}
