package org.anzexian.platform.decision;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The decisions' FEEL engine, answering the most common expressions of our tables itself (#15): an input
 * expression that names a variable ({@code deaths}), an output entry that is a plain string ({@code "PT24H"}) and
 * the simple unary tests of {@link UnaryTest}. FEEL's own engine (feel-scala 1.19) builds its whole table of
 * built-in functions anew for every expression it evaluates: in a flight recording of accident reports that
 * construction alone was 18 % of the report's CPU, the decision as a whole 42 %. Everything else — arithmetic,
 * functions, ranges, negations, strings with escapes, names of FEEL's own, a null input — goes to FEEL's engine
 * unchanged; what is answered here is what FEEL answers (a whole number as {@code Long}, as FEEL's value mapper
 * returns it), which {@code FeelFastPathTest} checks against FEEL's engine.
 */
@Component
class FeelFastPath extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        FeelEngineFactory feel = decisions.getFeelEngineFactory() != null ? decisions.getFeelEngineFactory()
                : new ScalaFeelEngineFactory();
        decisions.setFeelEngineFactory(() -> new Engine(feel.createInstance()));
        configuration.setDmnEngineConfiguration(decisions);
    }

    /** A FEEL string literal without escapes: the only strings either fast path reads. */
    private static final String PLAIN_STRING = "\"[^\"\\\\]*\"";

    static final class Engine implements FeelEngine {

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final Pattern STRING_LITERAL = Pattern.compile(PLAIN_STRING);
        /** Words FEEL reads as its own, never as a variable's name. */
        private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "between",
                "in", "instance", "of", "function", "for", "return", "if", "then", "else", "some", "every",
                "satisfies");

        private final FeelEngine feel;

        Engine(FeelEngine feel) {
            this.feel = feel;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            String text = expression.strip();
            if (STRING_LITERAL.matcher(text).matches()) {
                return (T) text.substring(1, text.length() - 1);
            }
            if (NAME.matcher(text).matches() && !FEEL_WORDS.contains(text) && variables.containsVariable(text)) {
                TypedValue typed = variables.resolve(text);
                Object value = typed == null ? null : typed.getValue();
                if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
                    return (T) value;
                }
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return (T) Long.valueOf(((Number) value).longValue());
                }
            }
            return feel.evaluateSimpleExpression(expression, variables);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            TypedValue typed = variables.resolve(inputVariable);
            Boolean answer = typed == null ? null : UnaryTest.answer(expression.strip(), typed.getValue());
            return answer != null ? answer : feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
    }

    /**
     * The unary tests of our tables that FEEL's engine need not see: a comparison of a number with a number
     * ({@code >= 100000000}, {@code > 0}, {@code 50} for equal), a list of plain strings tested against a string
     * ({@code "MAJOR"}, {@code "A","B"}) and {@code true} or {@code false} tested against a boolean. Anything else,
     * and any input that is null or of another type, is not answered here ({@code null}).
     */
    static final class UnaryTest {

        private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)?\\s*(-?\\d+(?:\\.\\d+)?)");
        private static final Pattern PLAIN_STRINGS = Pattern.compile(
                PLAIN_STRING + "(?:\\s*,\\s*" + PLAIN_STRING + ")*");

        private UnaryTest() {
        }

        static Boolean answer(String test, Object input) {
            if (input instanceof String text && PLAIN_STRINGS.matcher(test).matches()) {
                for (String literal : test.split("\"\\s*,\\s*\"")) {
                    if (literal.replace("\"", "").equals(text)) {
                        return true;
                    }
                }
                return false;
            }
            if (input instanceof Boolean flag && (test.equals("true") || test.equals("false"))) {
                return flag == Boolean.parseBoolean(test);
            }
            BigDecimal number = exactly(input);
            Matcher comparison = COMPARISON.matcher(test);
            if (number == null || !comparison.matches()) {
                return null;
            }
            int order = number.compareTo(new BigDecimal(comparison.group(2)));
            String operator = comparison.group(1) == null ? "" : comparison.group(1);
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> order == 0;
            };
        }

        private static BigDecimal exactly(Object input) {
            if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
                return BigDecimal.valueOf(((Number) input).longValue());
            }
            if (input instanceof Double value) {
                return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
            }
            return input instanceof BigDecimal decimal ? decimal : null;
        }
    }
}
