package org.anzexian.platform.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The deadlines, thresholds and weights of our processes as the modules read them (N9.3): the latest deployed
 * version of a decision, so a process owner changes a table without a release, evaluated as the system, since its
 * rules apply to every caller alike. Our tables match one row per input (hit policy FIRST or UNIQUE); a table with
 * no row for an input, or a decision that gives no value, is a misconfiguration and refused as such.
 */
@Component
public class DecisionTables {

    private final DecisionService decisions;
    private final SystemAuthority system;

    DecisionTables(DecisionService decisions, SystemAuthority system) {
        this.decisions = decisions;
        this.system = system;
    }

    /** The row of table {@code decisionKey} that {@code inputs} (input variable → value) match. */
    public Row row(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionRuleResult result = system.call(() -> decisions
                .evaluateDecisionTableByKey(decisionKey, Variables.fromMap(inputs)).getSingleResult());
        if (result == null) {
            throw new IllegalStateException("DMN " + decisionKey + " has no rule for " + inputs);
        }
        return new Row(decisionKey, result.getEntryMap());
    }

    /** The one value decision {@code decisionKey} gives for {@code inputs}: a literal expression's, or a one-output table's. */
    public Object value(String decisionKey, Map<String, Object> inputs) {
        Object value = system.call(() -> decisions.evaluateDecisionByKey(decisionKey)
                .variables(Variables.fromMap(inputs)).evaluate().getSingleEntry());
        if (value == null) {
            throw new IllegalStateException("DMN " + decisionKey + " gives no value for " + inputs);
        }
        return value;
    }

    /** The outputs of the matched row. */
    public record Row(String decisionKey, Map<String, Object> outputs) {

        /** Output {@code name} as written in the table, without surrounding blanks. */
        public String text(String name) {
            return String.valueOf(outputs.get(name)).strip();
        }

        /** Output {@code name}, a whole number. */
        public int number(String name) {
            return numeric(name).intValue();
        }

        /** Output {@code name}, a decimal number exactly as written in the table (a ratio, an amount). */
        public BigDecimal decimal(String name) {
            return new BigDecimal(numeric(name).toString());
        }

        private Number numeric(String name) {
            if (!(outputs.get(name) instanceof Number number)) {
                throw new IllegalStateException("DMN " + decisionKey + " output " + name + " is not a number: "
                        + outputs.get(name));
            }
            return number;
        }

        /**
         * Output {@code name} as ISO-8601 as Camunda's timers read it: a calendar period ({@code P7D}, {@code P1M})
         * or a time span ({@code PT24H}).
         */
        public TemporalAmount amount(String name) {
            String iso = text(name);
            try {
                return iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
            } catch (RuntimeException e) {
                throw new IllegalStateException("DMN " + decisionKey + " output " + name
                        + " is not an ISO-8601 duration: " + iso, e);
            }
        }

        /** {@code start} plus output {@code name} ({@link #amount}). */
        public OffsetDateTime after(OffsetDateTime start, String name) {
            return start.plus(amount(name));
        }
    }
}
