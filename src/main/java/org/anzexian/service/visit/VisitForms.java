package org.anzexian.service.visit;

import static org.anzexian.service.visit.PreventionServiceVisitProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.platform.engine.FormRows;
import org.anzexian.platform.engine.FormValues;

/**
 * The fields of the visit forms ({@code forms/visitRecord.html}, {@code forms/visitReport.html}) as the
 * requests {@code /api} takes: attendees ticked from the registered roster, hazards as structured rows (#12).
 */
final class VisitForms {

    static final String ARRIVED_AT = "arrivedAt";
    static final String LEFT_AT = "leftAt";
    /** Written by the record form's script from the ticked roster members, one name per line. */
    static final String ATTENDEES_LINES = "attendeesLines";
    static final String SERVICE_ITEMS_LINES = "serviceItemsLines";
    static final String REFUSAL_REASON = "refusalReason";
    static final String REPORT_FILE = "reportFile";

    /**
     * The report form's repeatable hazard rows, as many as the person adds: {@code hazard<n>Severity} …
     * {@code hazard<n>Photo<k>} (the form declares them as {@code data-row-variables}).
     */
    static final int PHOTOS_PER_HAZARD = 3;
    static final FormRows HAZARDS = new FormRows("hazard",
            List.of("Severity", "Category", "Location", "Description", "Measure", "Photo1", "Photo2", "Photo3"));

    static String hazardField(int row, String part) {
        return HAZARDS.field(row, part);
    }

    /** The highest hazard row the submitted variables fill (0: none). */
    static int hazardRows(Set<String> submitted) {
        return HAZARDS.count(submitted);
    }

    /** Every photo field of the rows submitted, so that the listener takes them all (no bytes stay in the process). */
    static List<String> photoFields(Set<String> submitted) {
        List<String> fields = new ArrayList<>();
        for (int row = 1; row <= hazardRows(submitted); row++) {
            for (int photo = 1; photo <= PHOTOS_PER_HAZARD; photo++) {
                fields.add(hazardField(row, "Photo" + photo));
            }
        }
        return fields;
    }

    static VisitRecordRequest record(FormValues form) {
        VisitOutcome outcome = form.required(VAR_OUTCOME,
                form.choice(VAR_OUTCOME, VisitOutcome.class, "服务结果须为 已到场服务 或 现场拒绝或阻挠服务 (outcome required)"),
                "必须选择服务结果 (outcome required)");
        VisitRecordRequest request = new VisitRecordRequest(outcome, form.dateTime(ARRIVED_AT), form.dateTime(LEFT_AT),
                form.lines(ATTENDEES_LINES), form.lines(SERVICE_ITEMS_LINES), form.text(REFUSAL_REASON));
        form.throwIfInvalid();
        return request;
    }

    /**
     * The hazard rows of the report form, in order; a row with nothing in it is no hazard. Every problem of
     * every row is collected and refused at once, each naming its row (隐患 2：…).
     *
     * @param photos the stored hash of a photo field, if a file was uploaded in it
     */
    static List<VisitHazard> hazards(FormValues form, Set<String> submitted, Map<String, Optional<String>> photos) {
        List<VisitHazard> hazards = new ArrayList<>();
        int rows = Math.max(hazardRows(submitted), hazardRows(photos.keySet()));
        for (int row = 1; row <= rows; row++) {
            String severityText = form.text(hazardField(row, "Severity"));
            String categoryText = form.text(hazardField(row, "Category"));
            String location = form.text(hazardField(row, "Location"));
            String description = form.text(hazardField(row, "Description"));
            String measure = form.text(hazardField(row, "Measure"));
            List<String> rowPhotos = new ArrayList<>();
            for (int photo = 1; photo <= PHOTOS_PER_HAZARD; photo++) {
                photos.getOrDefault(hazardField(row, "Photo" + photo), Optional.empty()).ifPresent(rowPhotos::add);
            }
            if (severityText == null && categoryText == null && location == null && description == null
                    && measure == null && rowPhotos.isEmpty()) {
                continue;
            }
            String prefix = "隐患 " + row + "：";
            HazardSeverity severity = severity(severityText);
            HazardCategory category = category(categoryText);
            if (severity == null) {
                form.problem(hazardField(row, "Severity"), prefix + (severityText == null ? "必须选择严重程度"
                        : "严重程度须为 重大 或 一般") + " (severity)");
            }
            if (category == null) {
                form.problem(hazardField(row, "Category"), prefix + (categoryText == null ? "必须选择隐患类别"
                        : "隐患类别无效：" + categoryText) + " (category)");
            }
            if (location == null) {
                form.problem(hazardField(row, "Location"), prefix + "必须填写部位 (location)");
            }
            if (description == null) {
                form.problem(hazardField(row, "Description"), prefix + "必须描述隐患 (description)");
            }
            if (measure == null) {
                form.problem(hazardField(row, "Measure"), prefix + "必须提出整改措施 (proposed measure)");
            }
            hazards.add(new VisitHazard(category, severity, description, location, rowPhotos, measure, null));
        }
        form.throwIfInvalid();
        return hazards;
    }

    private static HazardSeverity severity(String text) {
        if (text == null) {
            return null;
        }
        for (HazardSeverity severity : HazardSeverity.values()) {
            if (severity.name().equalsIgnoreCase(text) || severity.label().startsWith(text)) {
                return severity;
            }
        }
        return null;
    }

    private static HazardCategory category(String text) {
        if (text == null) {
            return null;
        }
        for (HazardCategory category : HazardCategory.values()) {
            if (category.name().equalsIgnoreCase(text) || category.label().equals(text)) {
                return category;
            }
        }
        return null;
    }

    private VisitForms() {
    }
}
