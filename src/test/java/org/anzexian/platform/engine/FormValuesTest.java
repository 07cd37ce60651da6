package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The one form reader: values as the Tasklist sends them, read in the business time zone (#10). */
class FormValuesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    enum Outcome { VISITED, REFUSED }

    @Test
    void aDateVariableIsTheDateInTheBusinessTimeZoneNotTheServers() {
        // 17:00 UTC on 30 November is already 1 December in Xinzhou
        FormValues form = new FormValues(Map.of("validUntil", Date.from(Instant.parse("2026-11-30T17:00:00Z"))), SHANGHAI);

        assertThat(form.date("validUntil")).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void dateTimesFromAPickerAreLocalTimeInTheBusinessZoneAndOffsetsAreKept() {
        FormValues form = new FormValues(Map.of("arrivedAt", "2026-11-30T09:30", "leftAt", "2026-11-30T11:00:00+08:00",
                "reportedAt", Date.from(Instant.parse("2026-11-30T01:00:00Z"))), SHANGHAI);

        assertThat(form.dateTime("arrivedAt")).isEqualTo(OffsetDateTime.parse("2026-11-30T09:30+08:00"));
        assertThat(form.dateTime("leftAt")).isEqualTo(OffsetDateTime.parse("2026-11-30T11:00+08:00"));
        assertThat(form.dateTime("reportedAt")).isEqualTo(OffsetDateTime.parse("2026-11-30T09:00+08:00"));
    }

    @Test
    void numbersComeAsNumbersOrTextAndBlankIsNotGiven() {
        FormValues form = new FormValues(Map.of("years", 12L, "ratio", "150.5", "amount", "1,200,000", "blank", "  "),
                SHANGHAI);

        assertThat(form.integer("years")).isEqualTo(12);
        assertThat(form.decimal("ratio")).isEqualByComparingTo("150.5");
        assertThat(form.decimal("amount")).isEqualByComparingTo(new BigDecimal("1200000"));
        assertThat(form.integer("blank")).isNull();
        assertThat(form.text("blank")).isNull();
        form.throwIfInvalid();
    }

    @Test
    void listsFlagsAndChoices() {
        FormValues form = new FormValues(Map.of("staff", "王工\n\n 李工 \n", "insurers", "3，5, 8、9", "agreed", true,
                "outcome", "visited"), SHANGHAI);

        assertThat(form.lines("staff")).containsExactly("王工", "李工");
        assertThat(form.list("insurers")).containsExactly("3", "5", "8", "9");
        assertThat(form.flag("agreed")).isTrue();
        assertThat(form.flag("missing")).isFalse();
        assertThat(form.choice("outcome", Outcome.class, "须为 VISITED 或 REFUSED")).isEqualTo(Outcome.VISITED);
    }

    @Test
    void everyUnreadableOrMissingFieldIsReportedAtOnce() {
        Map<String, Object> values = new HashMap<>();
        values.put("years", "十二");
        values.put("validUntil", "2026/12/01");
        values.put("outcome", "maybe");
        values.put("count", 1.5);
        FormValues form = new FormValues(values, SHANGHAI);

        form.integer("years");
        form.date("validUntil");
        form.choice("outcome", Outcome.class, "须为 VISITED 或 REFUSED");
        form.integer("count");
        form.required("principal", form.text("principal"), "必须填写");

        assertThatThrownBy(form::throwIfInvalid).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.fieldErrors()).extracting(ApiError.FieldMessage::field)
                        .isEqualTo(List.of("years", "validUntil", "outcome", "count", "principal")));
    }
}
