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

    /**
     * What each figure of an assessment takes off the score under the current DMN: the score with all inputs 0
     * less the score with only that input set (exact for the owners' weighted sum). Keyed by DMN variable.
     */
    Map<String, BigDecimal> pointsOff(Map<String, Number> inputs) {
        Map<String, Object> zero = new java.util.HashMap<>();
        inputs.keySet().forEach(name -> zero.put(name, 0));
        for (Measure measure : Measure.values()) {
            zero.put(measure.variable(), 0);
        }
        for (Rate rate : Rate.values()) {
            zero.put(rate.variable(), 0.0);
        }
        BigDecimal base = score(zero);
        Map<String, BigDecimal> off = new java.util.LinkedHashMap<>();
        inputs.forEach((name, value) -> {
            Map<String, Object> one = new java.util.HashMap<>(zero);
            one.put(name, value);
            off.put(name, base.subtract(score(one)));
        });
        return off;
    }

    private BigDecimal score(Map<String, Object> variables) {
        Object score = system.call(() -> decisions.evaluateDecisionByKey(SCORE_DECISION)
                .variables(Variables.fromMap(variables)).evaluate().getSingleEntry());
        return new BigDecimal(score.toString()).setScale(2, RoundingMode.HALF_UP);
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
