package org.anzexian.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsAPublishedValidCode() {
        assertThat(CreditCode.problem("91350100M000100Y43")).isEmpty();
    }

    @Test
    void rejectsAWrongCheckCharacterNamingTheExpectedOne() {
        assertThat(CreditCode.problem("91350100M000100Y44")).hasValueSatisfying(message ->
                assertThat(message).contains("校验位").contains("'3'"));
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        // O, I, S, V and Z are excluded so they cannot be confused with 0, 1, 5, U and 2
        assertThat(CreditCode.problem("9135010OM000100Y43")).hasValueSatisfying(message ->
                assertThat(message).contains("第 8 位"));
        assertThat(CreditCode.problem("91350100m000100Y43")).isPresent();
    }

    @Test
    void rejectsAnythingButEighteenCharacters() {
        assertThat(CreditCode.problem("91350100M000100Y4")).hasValueSatisfying(message ->
                assertThat(message).contains("18"));
        assertThat(CreditCode.problem(null)).isPresent();
    }

    @Test
    void remainderZeroGivesCheckCharacterZero() {
        // sum 0 → 31 - 0 = 31, which the standard maps to '0'
        assertThat(CreditCode.withCheckCharacter("00000000000000000")).isEqualTo("000000000000000000");
    }

    @Test
    void completesABodyIntoAValidCode() {
        String code = CreditCode.withCheckCharacter("91140900MA0K00031");
        assertThat(code).hasSize(18).startsWith("91140900MA0K00031");
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThatThrownBy(() -> CreditCode.withCheckCharacter("9114090")).isInstanceOf(IllegalArgumentException.class);
    }
}
