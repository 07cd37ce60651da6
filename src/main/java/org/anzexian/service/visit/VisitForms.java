package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.web.InvalidRequestException;

/**
 * The fields of the visit forms ({@code forms/visitRecord.html}, {@code forms/visitReport.html},
 * {@code forms/visitRequestStart.form}) as the requests {@code /api} takes; lists are typed one per line.
 */
final class VisitForms {

    static final String ARRIVED_AT = "arrivedAt";
    static final String LEFT_AT = "leftAt";
    static final String ATTENDEES_LINES = "attendeesLines";
    static final String SERVICE_ITEMS_LINES = "serviceItemsLines";
    static final String REFUSAL_REASON = "refusalReason";
    static final String REPORT_FILE = "reportFile";
    static final String HAZARD_LINES = "hazardLines";
    static final List<String> PHOTOS = List.of("photo1", "photo2", "photo3");

    static ExtraVisitRequest request(FormValues form) {
        ExtraVisitRequest request = new ExtraVisitRequest(form.longValue(VAR_POLICY_ID), form.text(VAR_REQUEST_REASON));
        form.throwIfInvalid();
        return request;
    }

    static VisitRecordRequest record(FormValues form) {
        VisitOutcome outcome = form.required(VAR_OUTCOME,
                form.choice(VAR_OUTCOME, VisitOutcome.class, "服务结果须为 VISITED 或 REFUSED (outcome required)"),
                "服务结果须为 VISITED 或 REFUSED (outcome required)");
        VisitRecordRequest request = new VisitRecordRequest(outcome, form.dateTime(ARRIVED_AT), form.dateTime(LEFT_AT),
                form.lines(ATTENDEES_LINES), form.lines(SERVICE_ITEMS_LINES), form.text(REFUSAL_REASON));
        form.throwIfInvalid();
        return request;
    }

    /**
     * One hazard per line: {@code 严重程度|类别|部位|描述|整改措施[|照片序号,…]}, severity 重大/一般 (or
     * MAJOR/GENERAL), category its Chinese name or enum name, photos by the number of the form's photo field.
     */
    static List<VisitHazard> hazards(FormValues form, Function<Integer, String> photoHash) {
        List<VisitHazard> hazards = new ArrayList<>();
        List<String> lines = form.lines(HAZARD_LINES);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = Arrays.stream(lines.get(i).split("[|｜]")).map(String::strip).toArray(String[]::new);
            if (parts.length < 5) {
                throw new InvalidRequestException(HAZARD_LINES, "第 " + (i + 1) + " 行须为：严重程度|类别|部位|描述|整改措施[|照片序号] "
                        + "(severity|category|location|description|measure[|photo numbers])");
            }
            List<String> photos = new ArrayList<>();
            if (parts.length > 5 && !parts[5].isEmpty()) {
                for (String number : parts[5].split("[,，、 ]+")) {
                    photos.add(photoHash.apply(parseInt(number, i)));
                }
            }
            hazards.add(new VisitHazard(category(parts[1], i), severity(parts[0], i), parts[3], parts[2], photos, parts[4],
                    null));
        }
        return hazards;
    }

    private static int parseInt(String number, int line) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(HAZARD_LINES, "第 " + (line + 1) + " 行的照片序号无效 (bad photo number): " + number);
        }
    }

    private static HazardSeverity severity(String text, int line) {
        for (HazardSeverity severity : HazardSeverity.values()) {
            if (severity.name().equalsIgnoreCase(text) || severity.label().startsWith(text)) {
                return severity;
            }
        }
        throw new InvalidRequestException(HAZARD_LINES, "第 " + (line + 1) + " 行的严重程度须为 重大 或 一般 (severity): " + text);
    }

    private static HazardCategory category(String text, int line) {
        for (HazardCategory category : HazardCategory.values()) {
            if (category.name().equalsIgnoreCase(text) || category.label().equals(text)) {
                return category;
            }
        }
        throw new InvalidRequestException(HAZARD_LINES, "第 " + (line + 1) + " 行的隐患类别无效 (unknown category): " + text);
    }

    private VisitForms() {
    }
}
