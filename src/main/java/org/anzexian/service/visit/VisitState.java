package org.anzexian.service.visit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anzexian.platform.web.InvalidRequestException;

/**
 * Where a visit stands for a list's {@code state} filter (N8.2, N8.5), from what the visit table holds:
 * due = not done and its due date not past; done = served on site (recorded or reported); late = done
 * after its due date; missed = not done and its due date past; refused = the site refused or prevented it.
 */
public enum VisitState {
    DUE("待服务"),
    DONE("已服务"),
    LATE("逾期服务"),
    MISSED("逾期未服务"),
    REFUSED("现场拒绝");

    private final String label;

    VisitState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The parameter's value: due, done, late, missed, refused. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} for no filter; an unknown value is refused naming the known ones. */
    public static VisitState parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(state -> state.param().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("state", "服务状态只能是 "
                        + Arrays.stream(values()).map(state -> state.param() + "（" + state.label + "）")
                                .collect(Collectors.joining("、")) + " (unknown state)"));
    }
}
