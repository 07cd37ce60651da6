package org.anzexian.filing.creditlist;

import java.time.LocalDate;

/** One validated data line of an import file. */
record CreditListRow(CreditListType type, String creditCode, String name, LocalDate listedOn, String reason,
        String source) {
}
