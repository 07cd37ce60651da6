package org.anzexian.platform.engine;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.FieldViolations;

/**
 * The one reader of what a form submitted (a Tasklist form's variables): text, whole numbers, decimals,
 * dates and date-times in the business time zone, lists one per line or comma separated, flags, enums.
 * A value it cannot read is a problem of that field; every problem is collected, so the person learns
 * all of them at once from {@link #throwIfInvalid()}. Blank counts as not given.
 */
public final class FormValues {

    private final Map<String, ?> values;
    private final ZoneId zone;
    private final FieldViolations violations = new FieldViolations();

    public FormValues(Map<String, ?> values, ZoneId zone) {
        this.values = values;
        this.zone = zone;
    }

    /** The text, stripped; {@code null} when blank or missing. */
    public String text(String field) {
        return text(values, field);
    }

    /** One text field of submitted values, as {@link #text(String)} reads it. */
    public static String text(Map<String, ?> values, String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public Integer integer(String field) {
        Long value = longValue(field);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            violations.add(field, "数字过大 (too large)");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    public Long longValue(String field) {
        BigDecimal decimal = decimal(field);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            violations.add(field, "须为整数 (a whole number)");
            return null;
        }
    }

    public BigDecimal decimal(String field) {
        Object value = values.get(field);
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            violations.add(field, "须为数字 (a number)");
            return null;
        }
    }

    /** A date: a date variable read in the business time zone, or {@code yyyy-MM-dd} (a time after it is ignored). */
    public LocalDate date(String field) {
        Object value = values.get(field);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeException e) {
            violations.add(field, "日期格式须为 yyyy-MM-dd (a date)");
            return null;
        }
    }

    /**
     * A moment: a date variable, an ISO date-time with offset, or a local date-time ({@code datetime-local}
     * fields send {@code yyyy-MM-ddTHH:mm}, people type {@code yyyy-MM-dd HH:mm}) in the business time zone.
     */
    public OffsetDateTime dateTime(String field) {
        Object value = values.get(field);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toOffsetDateTime();
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeException withoutOffset) {
            try {
                // typed by hand as "yyyy-MM-dd HH:mm", or sent by a datetime-local field with a T
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toOffsetDateTime();
            } catch (DateTimeException e) {
                violations.add(field, "时间格式须为 yyyy-MM-dd HH:mm (a date and time)");
                return null;
            }
        }
    }

    /** One entry per non-blank line. */
    public List<String> lines(String field) {
        String text = text(field);
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Entries separated by commas (either width), 、 or line breaks. */
    public List<String> list(String field) {
        String text = text(field);
        return text == null ? List.of()
                : Arrays.stream(text.split("[,，、\\n]+")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /** A checkbox: {@code true}, or the text "true"; anything else is false. */
    public boolean flag(String field) {
        Object value = values.get(field);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value).strip());
    }

    /** An enum constant by its name, case-insensitive; {@code null} when blank. */
    public <E extends Enum<E>> E choice(String field, Class<E> type, String problem) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(field, problem);
            return null;
        }
    }

    /** A problem the caller found in a field's content (a line of a list, a cross-field rule). */
    public void problem(String field, String message) {
        violations.add(field, message);
    }

    /** The text of a field that must be given; a missing one is a problem of that field. */
    public String requiredText(String field, String problem) {
        return required(field, text(field), problem);
    }

    /** Marks a field as missing when it was not given. */
    public <T> T required(String field, T value, String problem) {
        if (value == null && !violations.has(field)) {
            violations.add(field, problem);
        }
        return value;
    }

    /**
     * The problems found so far, to which a service adds those of the content, so that one refusal names
     * every problem of the form ({@link FieldViolations#throwIfAny()}).
     */
    public FieldViolations violations() {
        return violations;
    }

    /** What could not be read so far, for a service to report together with its own rules' findings. */
    public List<ApiError.FieldMessage> problems() {
        return violations.list();
    }

    /** Throws one refusal naming every field that could not be read. */
    public void throwIfInvalid() {
        violations.throwIfAny();
    }
}
