package org.anzexian.platform.export;

import java.util.function.Function;

/**
 * One column of an exported sheet: a Chinese header and the cell of a row. The value is written by its
 * type: text, a number ({@link java.math.BigDecimal}, {@link Number}), a real Excel date
 * ({@link java.time.LocalDate}) or date-time ({@link java.time.OffsetDateTime}, shown in the business zone),
 * a yes/no ({@link Boolean}: 是/否).
 */
public record SheetColumn<T>(String header, Function<T, Object> value) {

    public static <T> SheetColumn<T> of(String header, Function<T, Object> value) {
        return new SheetColumn<>(header, value);
    }
}
