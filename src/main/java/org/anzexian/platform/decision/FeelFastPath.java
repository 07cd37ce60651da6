package org.anzexian.platform.decision;

import java.util.Set;
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
 * The decisions' FEEL engine, answering the two most common expressions of our tables itself (#15): an input
 * expression that names a variable ({@code deaths}) and an output entry that is a plain string
 * ({@code "PT24H"}). FEEL's own engine (feel-scala 1.19) builds its whole table of built-in functions anew for
 * every expression it evaluates: in a flight recording of accident reports that construction alone was 18 % of the
 * report's CPU, the decision as a whole 42 %. Everything else — unary tests, arithmetic, functions, strings with
 * escapes, names of FEEL's own — goes to FEEL's engine unchanged; the two answered here give what FEEL gives
 * (a whole number as {@code Long}, as FEEL's value mapper returns it), which {@code FeelFastPathTest} checks
 * against FEEL's engine.
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

    static final class Engine implements FeelEngine {

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final Pattern PLAIN_STRING = Pattern.compile("\"[^\"\\\\]*\"");
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
            if (PLAIN_STRING.matcher(text).matches()) {
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
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
    }
}
