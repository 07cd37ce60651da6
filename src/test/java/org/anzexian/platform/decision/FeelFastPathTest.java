package org.anzexian.platform.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The decisions' FEEL fast path (#15) answers a variable's name and a plain string exactly as FEEL's own engine
 * does, and hands every other expression to it.
 */
class FeelFastPathTest {

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    private final AtomicInteger handedOn = new AtomicInteger();
    private final FeelEngine fast = new FeelFastPath.Engine(new FeelEngine() {
        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            handedOn.incrementAndGet();
            return feel.evaluateSimpleExpression(expression, variables);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            handedOn.incrementAndGet();
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
    });

    private final VariableContext variables = Variables.createVariables()
            .putValue("deaths", 2).putValue("injuries", (short) 0).putValue("amount", 12_000_000L)
            .putValue("category", "BUILDING").putValue("major", true).putValue("nothing", null)
            .putValue("ratio", 0.5).putValue("reportedAt", new Date(0))
            .asVariableContext();

    @Test
    void namesAndPlainStringsAreAnsweredAsFeelAnswersThem() {
        List<String> answered = List.of("deaths", " injuries ", "amount", "category", "major", "nothing", "\"PT24H\"",
                "\"重大隐患\"", "\"\"");
        for (String expression : answered) {
            Object ours = fast.evaluateSimpleExpression(expression, variables);
            Object feels = feel.evaluateSimpleExpression(expression, variables);
            assertThat(ours).as(expression).isEqualTo(feels);
            if (feels != null) {
                assertThat(ours.getClass()).as(expression).isEqualTo(feels.getClass());
            }
        }
        assertThat(handedOn).as("none of them went to FEEL's engine").hasValue(0);
    }

    @Test
    void everythingElseGoesToFeelsEngine() {
        List<String> others = List.of("deaths + 1", "true", "null", "ratio", "reportedAt", "\"a\\\"b\"",
                "if major then \"PT2H\" else \"P3D\"", "string length(category)");
        List<Object> results = new ArrayList<>();
        for (String expression : others) {
            Object ours = fast.evaluateSimpleExpression(expression, variables);
            assertThat(ours).as(expression).isEqualTo(feel.evaluateSimpleExpression(expression, variables));
            results.add(ours);
        }
        assertThat(handedOn).hasValue(others.size());
        assertThat(results.get(0)).isEqualTo(3L);
        assertThat(fast.evaluateSimpleUnaryTests("> 0", "deaths", variables)).isTrue();
        assertThat(fast.evaluateSimpleUnaryTests("> 0", "injuries", variables)).isFalse();
        assertThat(handedOn).hasValue(others.size() + 2);
    }
}
