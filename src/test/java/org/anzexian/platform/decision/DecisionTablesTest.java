package org.anzexian.platform.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A decision table's row as the modules read it (N9.3): ISO-8601 amounts as Camunda's timers read them, whole
 * and decimal numbers and text; a value a process owner mistyped is refused with the table, the output and the value.
 */
class DecisionTablesTest {

    private final DecisionTables.Row row = new DecisionTables.Row("hazardDeadline", Map.of(
            "rectificationPeriod", " P7D ", "verificationWithin", "PT12H", "registrationPeriod", "P1M",
            "tier1MinYears", 15L, "minCoreSolvencyRatio", 0.75, "seniorTitles", "高级工程师,正高级工程师", "reminderBefore", "seven days"));

    @Test
    void amountsAreCalendarPeriodsOrTimeSpansAsTimersReadThem() {
        OffsetDateTime opened = OffsetDateTime.parse("2026-01-31T09:00:00+08:00");

        assertThat(row.amount("rectificationPeriod")).isEqualTo(Period.ofDays(7));
        assertThat(row.amount("verificationWithin")).isEqualTo(Duration.ofHours(12));
        // a calendar month from 31 January ends on the last day of February, as a timer's P1M does
        assertThat(row.after(opened, "registrationPeriod")).isEqualTo(OffsetDateTime.parse("2026-02-28T09:00:00+08:00"));
        assertThat(row.after(opened, "verificationWithin")).isEqualTo(OffsetDateTime.parse("2026-01-31T21:00:00+08:00"));
        assertThat(row.number("tier1MinYears")).isEqualTo(15);
        // a ratio as the owner wrote it, not the binary double nearest to it
        assertThat(row.decimal("minCoreSolvencyRatio")).isEqualByComparingTo("0.75").hasToString("0.75");
        assertThat(row.text("seniorTitles")).isEqualTo("高级工程师,正高级工程师");
    }

    @Test
    void aMistypedValueIsRefusedNamingTheTableTheOutputAndTheValue() {
        assertThatThrownBy(() -> row.amount("reminderBefore")).isInstanceOf(IllegalStateException.class)
                .hasMessage("DMN hazardDeadline output reminderBefore is not an ISO-8601 duration: seven days");
        assertThatThrownBy(() -> row.number("seniorTitles")).isInstanceOf(IllegalStateException.class)
                .hasMessage("DMN hazardDeadline output seniorTitles is not a number: 高级工程师,正高级工程师");
        assertThatThrownBy(() -> row.decimal("seniorTitles")).hasMessageEndingWith("is not a number: 高级工程师,正高级工程师");
        assertThatThrownBy(() -> row.amount("cityEscalationAfter")).hasMessageContaining("cityEscalationAfter")
                .hasMessageEndingWith(": null");
    }
}
