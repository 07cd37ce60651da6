package org.anzexian.platform.format;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Days and moments as people read them in mails, summaries and archive entries (#12), in the business
 * time zone ({@code anzexian.time-zone}, the zone of the business clock): {@code 2026年3月5日} and
 * {@code 2026年3月5日 14:05}. The Tasklist forms show moments with the {@code anzexianTime} filter of
 * {@code scripts/anzexian-tasklist.js} in the same zone.
 */
@Component
public class BusinessTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ZoneId zone;

    /** In the zone of the business clock. */
    @Autowired
    public BusinessTime(Clock clock) {
        this(clock.getZone());
    }

    public BusinessTime(ZoneId zone) {
        this.zone = zone;
    }

    /** The calendar day of the moment in the business time zone (the day a rule counts). */
    public LocalDate dayOf(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }

    /** {@code 2026年3月5日 14:05} in the business time zone; {@code null} is the empty text. */
    public String minute(OffsetDateTime at) {
        return at == null ? "" : MINUTE.format(at.atZoneSameInstant(zone));
    }

    /** {@code 2026年3月5日}, the day of the moment in the business time zone; {@code null} is the empty text. */
    public String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(dayOf(at));
    }

    /** {@code 2026年3月5日}; {@code null} is the empty text. */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** {@code 2026年3月1日 至 2027年2月28日}. */
    public static String period(LocalDate start, LocalDate end) {
        return day(start) + " 至 " + day(end);
    }
}
