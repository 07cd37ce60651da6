package org.anzexian.filing.creditlist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.platform.web.ApiError.FieldMessage;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.registry.CreditCode;

/**
 * Reads an import file as a whole: every bad line is reported (field {@code line <n>.<column>}) and
 * nothing is returned unless all lines are good, so an import is all or nothing.
 */
final class CreditListCsv {

    static final String HEADER = "type,creditCode,name,listedOn,reason,source";
    static final int MAX_ROWS = 20_000;
    private static final int COLUMNS = HEADER.split(",").length;

    private final List<FieldMessage> problems = new ArrayList<>();

    private CreditListCsv() {
    }

    static List<CreditListRow> parse(String text, LocalDate today) {
        Reading reading = read(text, today);
        if (!reading.problems().isEmpty()) {
            throw new InvalidRequestException(reading.problems());
        }
        return reading.rows().stream().map(NumberedRow::row).toList();
    }

    /** The file as read, problems and all, without refusing it: what a preview shows (#14). */
    static Reading read(String text, LocalDate today) {
        return new CreditListCsv().readAll(text, today);
    }

    /** A good data line and its line number in the file (the header is line 1). */
    record NumberedRow(int line, CreditListRow row) {
    }

    /** The good lines and every problem of the others; the import takes the file only without problems. */
    record Reading(List<NumberedRow> rows, List<FieldMessage> problems) {

        Reading {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    private Reading readAll(String text, LocalDate today) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (!lines[0].replace("\uFEFF", "").strip().equals(HEADER)) {
            return new Reading(List.of(), List.of(new FieldMessage("line 1",
                    "第 1 行须为表头 " + HEADER + " (header must be " + HEADER + ")")));
        }
        List<NumberedRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                CreditListRow row = row(lines[i], i + 1, today);
                if (row != null) {
                    rows.add(new NumberedRow(i + 1, row));
                }
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldMessage("file", "文件中没有数据行 (no data lines)"));
        }
        if (rows.size() > MAX_ROWS) {
            problems.add(new FieldMessage("file", "一次最多导入 " + MAX_ROWS + " 行 (at most " + MAX_ROWS + " rows per import)"));
        }
        return new Reading(rows, problems);
    }

    /** The row, or null when the line is bad (its problems are recorded). */
    private CreditListRow row(String line, int number, LocalDate today) {
        List<String> fields = CsvLines.split(line).orElse(null);
        if (fields == null || fields.size() != COLUMNS) {
            problems.add(new FieldMessage("line " + number, "第 " + number + " 行须有 " + COLUMNS
                    + " 列，引号须成对 (expected " + COLUMNS + " columns, balanced quotes)"));
            return null;
        }
        fields = fields.stream().map(String::strip).toList();
        int before = problems.size();
        CreditListType type = null;
        try {
            type = CreditListType.valueOf(fields.get(0));
        } catch (IllegalArgumentException e) {
            bad(number, "type", "名单类型须为 SERIOUS_DISHONESTY、DISHONEST_JUDGMENT_DEBTOR 或"
                    + " ENFORCEMENT_OR_BAD_CONDUCT (unknown list type)");
        }
        String creditCode = fields.get(1);
        CreditCode.problem(creditCode).ifPresent(problem -> bad(number, "creditCode", problem));
        text(number, "name", fields.get(2), 200);
        LocalDate listedOn = null;
        try {
            listedOn = LocalDate.parse(fields.get(3));
            if (listedOn.isAfter(today)) {
                bad(number, "listedOn", "列入日期不能晚于今天 (must not be in the future)");
            }
        } catch (DateTimeParseException e) {
            bad(number, "listedOn", "日期格式须为 yyyy-MM-dd (date must be yyyy-MM-dd)");
        }
        text(number, "reason", fields.get(4), 1000);
        text(number, "source", fields.get(5), 200);
        if (problems.size() > before) {
            return null;
        }
        return new CreditListRow(type, creditCode, fields.get(2), listedOn, fields.get(4), fields.get(5));
    }

    private void text(int number, String column, String value, int max) {
        if (value.isEmpty()) {
            bad(number, column, "必须填写 (required)");
        } else if (value.length() > max) {
            bad(number, column, "最多 " + max + " 字 (too long)");
        }
    }

    private void bad(int number, String column, String message) {
        problems.add(new FieldMessage("line " + number + "." + column, "第 " + number + " 行 " + column + "：" + message));
    }
}
