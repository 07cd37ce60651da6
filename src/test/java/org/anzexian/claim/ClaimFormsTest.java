package org.anzexian.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The decision form's payee rows as the server reads them (#12): what a row holds, blank rows left out. */
class ClaimFormsTest {

    @Test
    void payeeRowsAreReadInOrderWithoutTheBlankOnes() {
        FormValues form = decision("""
                [{"name": " 张三 ", "amount": 120000.5}, {"name": "", "amount": null}, {"name": "李四", "amount": "3,500"}]""");

        ClaimSteps.Decision decision = ClaimForms.decision(form);

        assertThat(decision.payees()).extracting(ClaimSteps.Payee::name).containsExactly("张三", "李四");
        assertThat(decision.payees().get(0).amount()).isEqualByComparingTo("120000.50");
        assertThat(decision.payees().get(1).amount()).isEqualByComparingTo("3500");
        form.throwIfInvalid();
    }

    @Test
    void anUnreadableAmountIsAProblemOfItsRowAndTheRowStaysForTheOtherChecks() {
        FormValues form = decision("""
                [{"name": "张三", "amount": "一万"}, {"amount": 100}]""");

        ClaimSteps.Decision decision = ClaimForms.decision(form);

        assertThat(decision.payees()).hasSize(2);
        assertThat(decision.payees().get(0).amount()).isNull();
        assertThat(decision.payees().get(1).name()).isNull();
        assertThatThrownBy(form::throwIfInvalid).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.fieldErrors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("payees[0].amount");
                    assertThat(error.message()).startsWith("收款人第 1 行：核定金额须为数字");
                }));
    }

    @Test
    void somethingElseThanRowsIsRefusedAndAnUncoveredDecisionReadsNoRows() {
        FormValues rowsAsText = decision("张三,120000");
        assertThat(ClaimForms.decision(rowsAsText).payees()).isEmpty();
        assertThatThrownBy(rowsAsText::throwIfInvalid).hasMessageContaining("收款人无法识别");

        Map<String, Object> declined = new HashMap<>(Map.of("covered", false, "payees", "not read"));
        FormValues notCovered = new FormValues(declined, ZoneId.of("Asia/Shanghai"));
        assertThat(ClaimForms.decision(notCovered).payees()).isEmpty();
        notCovered.throwIfInvalid();
    }

    private static FormValues decision(String payees) {
        return new FormValues(Map.of("covered", true, "payees", payees), ZoneId.of("Asia/Shanghai"));
    }
}
