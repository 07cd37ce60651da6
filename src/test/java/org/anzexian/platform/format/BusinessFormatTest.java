package org.anzexian.platform.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Amounts and business times as people read them (#12): one way, whoever writes them. */
class BusinessFormatTest {

    private final BusinessTime shanghai = new BusinessTime(Clock.fixed(Instant.EPOCH, ZoneId.of("Asia/Shanghai")));

    @Test
    void yuanHasTheSignGroupedThousandsAndTwoDecimals() {
        assertThat(Money.yuan(new BigDecimal("1234.5"))).isEqualTo("¥1,234.50");
        assertThat(Money.yuan(new BigDecimal("12000000"))).isEqualTo("¥12,000,000.00");
        assertThat(Money.yuan(new BigDecimal("0.004"))).isEqualTo("¥0.00");
        assertThat(Money.yuan(new BigDecimal("0.005"))).isEqualTo("¥0.01");
        assertThat(Money.yuan(BigDecimal.ZERO)).isEqualTo("¥0.00");
        assertThat(Money.yuan(null)).isEmpty();
    }

    @Test
    void aMomentIsShownInTheBusinessTimeZoneWhateverOffsetItCameWith() {
        // 17:30 UTC on 4 March is already 01:30 on 5 March in Shanghai: the day people see is the 5th
        OffsetDateTime utc = OffsetDateTime.of(2026, 3, 4, 17, 30, 0, 0, ZoneOffset.UTC);
        assertThat(shanghai.minute(utc)).isEqualTo("2026年3月5日 01:30");
        assertThat(shanghai.day(utc)).isEqualTo("2026年3月5日");
        assertThat(shanghai.dayOf(utc)).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(new BusinessTime(ZoneOffset.UTC).minute(utc)).as("another zone, another day")
                .isEqualTo("2026年3月4日 17:30");
        assertThat(shanghai.minute(null)).isEmpty();
    }

    @Test
    void daysAndPeriodsAreWrittenTheChineseWay() {
        assertThat(BusinessTime.day(LocalDate.of(2026, 12, 1))).isEqualTo("2026年12月1日");
        assertThat(BusinessTime.period(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)))
                .isEqualTo("2026年3月1日 至 2027年2月28日");
    }
}
