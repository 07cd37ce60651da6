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
    }

    @Test
    void simpleUnaryTestsAreAnsweredAsFeelAnswersThem() {
        List<String> tests = List.of("> 0", ">= 100000000", ">=60", "< 75", "<= 0.5", "50", "-3", "0.50",
                "\"BUILDING\"", "\"MAJOR\",\"GENERAL\"", "\"MUNICIPAL\" , \"BUILDING\"", "\"重大\"", "true", "false");
        List<Object> inputs = List.of(0, 2, -3, (short) 0, 50L, 100_000_000L, 99_999_999.5, 0.5, 60.0, 74.99,
                "BUILDING", "GENERAL", "重大", "MAJORX", true, false);
        int answered = 0;
        int satisfied = 0;
        for (String test : tests) {
            for (Object input : inputs) {
                if (FeelFastPath.UnaryTest.answer(test, input) == null) {
                    continue;
                }
                answered++;
                VariableContext cell = Variables.createVariables().putValue("cellInput", input).asVariableContext();
                boolean ours = fast.evaluateSimpleUnaryTests(test, "cellInput", cell);
                assertThat(ours).as("%s against %s", test, input)
                        .isEqualTo(feel.evaluateSimpleUnaryTests(test, "cellInput", cell));
                satisfied += ours ? 1 : 0;
            }
        }
        assertThat(handedOn).as("none of them went to FEEL's engine").hasValue(0);
        assertThat(answered).as("each test answered for every input of its type").isEqualTo(8 * 10 + 4 * 4 + 2 * 2);
        assertThat(satisfied).as("both outcomes occur").isBetween(20, answered - 20);
    }

    @Test
    void otherUnaryTestsAndInputsGoToFeelsEngine() {
        VariableContext cell = Variables.createVariables().putValue("cellInput", 7).putValue("nothing", null)
                .putValue("label", "7").putValue("ratio", Double.NaN).asVariableContext();
        List<String> others = List.of("[1..10]", "not(7)", "> 3, < 0", "7, 8", "> deaths", "\"a\\\"b\"",
                "odd(?)", "- 7");
        for (String test : others) {
            assertThat(FeelFastPath.UnaryTest.answer(test, 7)).as(test).isNull();
        }
        assertThat(fast.evaluateSimpleUnaryTests("[1..10]", "cellInput", cell)).isTrue();
        assertThat(fast.evaluateSimpleUnaryTests("not(7)", "cellInput", cell)).isFalse();
        assertThat(fast.evaluateSimpleUnaryTests("> 0", "nothing", cell))
                .isEqualTo(feel.evaluateSimpleUnaryTests("> 0", "nothing", cell));
        assertThat(fast.evaluateSimpleUnaryTests("7", "label", cell))
                .isEqualTo(feel.evaluateSimpleUnaryTests("7", "label", cell));
        assertThat(FeelFastPath.UnaryTest.answer("> 0", Double.NaN)).isNull();
        assertThat(FeelFastPath.UnaryTest.answer("true", "true")).isNull();
        assertThat(handedOn).hasValue(4);
    }
}
