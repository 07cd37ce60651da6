package org.anzexian.filing.creditlist;

import java.time.LocalDate;
import java.util.List;
import org.anzexian.platform.web.ApiError.FieldMessage;

/**
 * What an import of a file would do, computed without writing anything (#14): each good line with its
 * outcome, and every problem that would make the import refuse the whole file. An import only adds
 * entries: a line is either new, or already on the list, or a repeat of an earlier line of the file.
 * The {@code fingerprint} covers the file and every outcome, so a confirmation of this preview applies
 * nothing if the file or the list has changed since ({@link CreditListService#importPreviewed}).
 */
public record CreditListPreview(String fileHash, List<Line> lines, List<FieldMessage> problems, String fingerprint) {

    public CreditListPreview {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    public enum Outcome {
        ADD("新增"),
        ALREADY_LISTED("已在名单中，不重复导入"),
        REPEATED_IN_FILE("与文件中前面的行重复，不重复导入");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A good line of the file; {@code registeredAs} names the registered organization with its credit code, if any. */
    public record Line(int lineNumber, CreditListType type, String creditCode, String name, LocalDate listedOn,
            String reason, String source, Outcome outcome, String registeredAs) {
    }

    /** Whether the import would take the file: it has no problem. */
    public boolean applicable() {
        return problems.isEmpty();
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).count();
    }
}
