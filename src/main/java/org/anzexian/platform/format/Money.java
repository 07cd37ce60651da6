package org.anzexian.platform.format;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Amounts as people read them in mails, summaries and archive entries (#12): yuan with the ¥ sign,
 * thousands grouped and two decimals, {@code ¥1,234.50}. The Tasklist forms show the same with the
 * {@code anzexianYuan} filter of {@code scripts/anzexian-tasklist.js}.
 */
public final class Money {

    private Money() {
    }

    /** {@code ¥1,234.50}; half a fen and more rounds up; {@code null} is the empty text. */
    public static String yuan(BigDecimal amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "¥%,.2f", amount);
    }
}
