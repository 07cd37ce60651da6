package org.anzexian.supervision.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.platform.decision.DecisionTables;
import org.springframework.stereotype.Component;

/** DMN {@code processes/assessmentScore.dmn}: the owners' weights and grades turn the figures into a score and a grade. */
@Component
class AssessmentScores {

    static final String SCORE_DECISION = "assessmentScore";
    static final String GRADE_DECISION = "assessmentGrade";

    private final DecisionTables tables;

    AssessmentScores(DecisionTables tables) {
        this.tables = tables;
    }

    record Result(BigDecimal score, String grade) {
    }

    /**
     * What each figure of an assessment takes off the score under the current DMN: the score with all inputs 0
     * less the score with only that input set (exact for the owners' weighted sum). Keyed by DMN variable.
     */
    Map<String, BigDecimal> pointsOff(Map<String, Number> inputs) {
        Map<String, Object> zero = new HashMap<>();
        inputs.keySet().forEach(name -> zero.put(name, 0));
        for (Measure measure : Measure.values()) {
            zero.put(measure.variable(), 0);
        }
        for (Rate rate : Rate.values()) {
            zero.put(rate.variable(), 0.0);
        }
        BigDecimal base = score(zero);
        Map<String, BigDecimal> off = new LinkedHashMap<>();
        inputs.forEach((name, value) -> {
            Map<String, Object> one = new HashMap<>(zero);
            one.put(name, value);
            off.put(name, base.subtract(score(one)));
        });
        return off;
    }

    private BigDecimal score(Map<String, Object> variables) {
        return new BigDecimal(tables.value(SCORE_DECISION, variables).toString()).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code figures}: every measure's variable, and every rate's in percent; a measure of the other kind counts 0. */
    Result of(Map<Measure, Integer> figures) {
        Map<String, Object> variables = new HashMap<>();
        for (Measure measure : Measure.values()) {
            variables.put(measure.variable(), figures.getOrDefault(measure, 0));
        }
        for (Rate rate : Rate.values()) {
            variables.put(rate.variable(), rate.percent(figures).doubleValue());
        }
        return new Result(score(variables), tables.value(GRADE_DECISION, variables).toString());
    }
}
