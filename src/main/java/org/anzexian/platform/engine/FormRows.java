package org.anzexian.platform.engine;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repeatable rows of an embedded Tasklist form (#12): row {@code n} of a row kind submits its parts as
 * variables {@code <prefix><n><Part>} ({@code hazard3Severity}), as many rows as the person added. The form
 * declares them as {@code data-row-variables="hazard{n}Severity …"} ({@link FormFields}) and its script
 * registers them on submit, rows numbered from 1 without gaps.
 */
public record FormRows(String prefix, Collection<String> parts) {

    /** The variable of part {@code part} of row {@code row} (from 1). */
    public String field(int row, String part) {
        return prefix + row + part;
    }

    /** The highest row number among the submitted variable names (0: no row). */
    public int count(Collection<String> submitted) {
        int rows = 0;
        for (String name : submitted) {
            Matcher field = pattern().matcher(name);
            if (field.matches()) {
                rows = Math.max(rows, Integer.parseInt(field.group(1)));
            }
        }
        return rows;
    }

    /** Whether {@code name} is a part of one of these rows. */
    public boolean contains(String name) {
        return pattern().matcher(name).matches();
    }

    /** The row number and part of a row variable, if {@code name} is one. */
    public Matcher match(String name) {
        return pattern().matcher(name);
    }

    private Pattern pattern() {
        return Pattern.compile(Pattern.quote(prefix) + "([1-9][0-9]{0,3})("
                + String.join("|", parts.stream().map(Pattern::quote).toList()) + ")");
    }
}
