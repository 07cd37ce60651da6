package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** DMN {@code processes/assessmentScore.dmn}: the owners' weights and grades turn the figures into a score and a grade. */
@Component
class AssessmentScores {

    static final String SCORE_DECISION = "assessmentScore";
    static final String GRADE_DECISION = "assessmentGrade";

    private final DecisionService decisions;
    private final SystemAuthority system;

    AssessmentScores(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    record Result(BigDecimal score, String grade) {
    }

    /** {@code figures}: every measure's variable, and every rate's in percent; a measure of the other kind counts 0. */
    Result of(Map<Measure, Integer> figures) {
        VariableMap variables = Variables.createVariables();
        for (Measure measure : Measure.values()) {
            variables.putValue(measure.variable(), figures.getOrDefault(measure, 0));
        }
        for (Rate rate : Rate.values()) {
            variables.putValue(rate.variable(), rate.percent(figures).doubleValue());
        }
        Object score = system.call(() -> decisions.evaluateDecisionByKey(SCORE_DECISION).variables(variables).evaluate()
                .getSingleEntry());
        Object grade = system.call(() -> decisions.evaluateDecisionByKey(GRADE_DECISION).variables(variables).evaluate()
                .getSingleEntry());
        if (score == null || grade == null) {
            throw new IllegalStateException("DMN " + GRADE_DECISION + " gave no score or grade for " + figures);
        }
        return new Result(new BigDecimal(score.toString()).setScale(2, RoundingMode.HALF_UP), grade.toString());
    }
}
