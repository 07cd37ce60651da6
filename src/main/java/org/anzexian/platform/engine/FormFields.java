package org.anzexian.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a form declares: what a person can type or upload ({@code editable}), the variables of
 * its repeatable rows ({@code rows}: templates such as {@code hazard{n}Severity}, one variable per row
 * number) and what it only shows ({@code shown}: read-only or disabled fields, which may come back only
 * unchanged). Anything else submitted with the form did not come from it.
 */
public record FormFields(Set<String> editable, Set<String> rows, Set<String> shown, Map<String, String> labels) {

    public static final FormFields NONE = new FormFields(Set.of(), Set.of(), Set.of(), Map.of());

    /** Where a row template puts the row number: 1 to 9999. */
    public static final String ROW_NUMBER = "{n}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern TAG = Pattern.compile("<(input|select|textarea)\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LABEL = Pattern.compile("<label[^>]*\\bfor\\s*=\\s*\"([^\"]+)\"[^>]*>(.*?)</label>", Pattern.DOTALL);
    private static final Pattern FETCHED_VARIABLE = Pattern.compile("fetchVariable\\(\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern CREATED_VARIABLE =
            Pattern.compile("createVariable\\(\\s*\\{\\s*name\\s*:\\s*['\"]([^'\"]+)['\"]");
    /** An embedded form's repeatable row declares the variables each row submits (#12). */
    private static final Pattern ROW_VARIABLES = Pattern.compile("\\bdata-row-variables\\s*=\\s*\"([^\"]+)\"");

    public FormFields {
        editable = Set.copyOf(editable);
        rows = Set.copyOf(rows);
        shown = Set.copyOf(shown);
        labels = Map.copyOf(labels);
    }

    /** Whether a person may submit {@code name} with the form: one of its fields, or a variable of one of its rows. */
    public boolean isEditable(String name) {
        return editable.contains(name) || rows.stream().anyMatch(row -> rowPattern(row).matcher(name).matches());
    }

    private static Pattern rowPattern(String template) {
        int at = template.indexOf(ROW_NUMBER);
        return Pattern.compile(Pattern.quote(template.substring(0, at)) + "[1-9][0-9]{0,3}"
                + Pattern.quote(template.substring(at + ROW_NUMBER.length())));
    }

    /** What the person sees as the field's name, for a field or an item of a list field ({@code staff[2]}). */
    public Optional<String> labelOf(String field) {
        String name = field == null ? "" : field.split("[\\[.]", 2)[0];
        return Optional.ofNullable(labels.get(name));
    }

    /** Fields of a Camunda Form ({@code .form}): every component with a {@code key}, groups included. */
    public static FormFields ofCamundaForm(byte[] json) {
        try {
            Set<String> editable = new LinkedHashSet<>();
            Set<String> shown = new LinkedHashSet<>();
            Map<String, String> labels = new HashMap<>();
            collect(JSON.readTree(json).path("components"), editable, shown, labels);
            return new FormFields(editable, Set.of(), shown, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("Camunda Form is not JSON", e);
        }
    }

    /**
     * Fields of an embedded HTML form: {@code cam-variable-name} inputs and variables its script creates
     * are editable, and so are the variables its repeatable rows declare
     * ({@code data-row-variables="hazard{n}Severity hazard{n}Photo1"}, the script registers them on
     * submit, one per row); variables it fetches to show (the Tasklist sends them back) are shown.
     */
    public static FormFields ofEmbeddedForm(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        Set<String> editable = matches(text, CAM_VARIABLE);
        editable.addAll(matches(text, CREATED_VARIABLE));
        Set<String> rows = new LinkedHashSet<>();
        for (String declared : matches(text, ROW_VARIABLES)) {
            for (String template : declared.trim().split("\\s+")) {
                if (template.contains(ROW_NUMBER)) {
                    rows.add(template);
                }
            }
        }
        Set<String> shown = matches(text, FETCHED_VARIABLE);
        shown.removeAll(editable);
        return new FormFields(editable, rows, shown, embeddedLabels(text));
    }

    /** {@code <label for="id">} of each input, by the variable the input names. */
    private static Map<String, String> embeddedLabels(String html) {
        Map<String, String> labelById = new HashMap<>();
        Matcher label = LABEL.matcher(html);
        while (label.find()) {
            labelById.put(label.group(1), label.group(2).replaceAll("<[^>]*>", "").strip());
        }
        Map<String, String> labels = new HashMap<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Matcher id = ID.matcher(tag.group());
            Matcher variable = CAM_VARIABLE.matcher(tag.group());
            if (id.find() && variable.find() && labelById.containsKey(id.group(1))) {
                labels.put(variable.group(1), labelById.get(id.group(1)));
            }
        }
        return labels;
    }

    private static Set<String> matches(String text, Pattern pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The Camunda Form's own id (what {@code camunda:formRef} names). */
    public static String camundaFormId(byte[] json) {
        try {
            return JSON.readTree(json).path("id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    public boolean declares(String name) {
        return isEditable(name) || shown.contains(name);
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> shown, Map<String, String> labels) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            if (!key.isEmpty()) {
                boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
                (readOnly ? shown : editable).add(key);
                String label = component.path("label").asText("").strip();
                if (!label.isEmpty()) {
                    labels.put(key, label);
                }
            }
            collect(component.path("components"), editable, shown, labels);
        }
    }
}
