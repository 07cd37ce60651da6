package org.anzexian.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a form declares: what a person can type or upload ({@code editable}) and what it only
 * shows ({@code shown}: read-only or disabled fields, which may come back only unchanged). Anything
 * else submitted with the form did not come from it.
 */
public record FormFields(Set<String> editable, Set<String> shown) {

    public static final FormFields NONE = new FormFields(Set.of(), Set.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FETCHED_VARIABLE = Pattern.compile("fetchVariable\\(\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern CREATED_VARIABLE =
            Pattern.compile("createVariable\\(\\s*\\{\\s*name\\s*:\\s*['\"]([^'\"]+)['\"]");

    public FormFields {
        editable = Set.copyOf(editable);
        shown = Set.copyOf(shown);
    }

    /** Fields of a Camunda Form ({@code .form}): every component with a {@code key}, groups included. */
    public static FormFields ofCamundaForm(byte[] json) {
        try {
            Set<String> editable = new LinkedHashSet<>();
            Set<String> shown = new LinkedHashSet<>();
            collect(JSON.readTree(json).path("components"), editable, shown);
            return new FormFields(editable, shown);
        } catch (IOException e) {
            throw new UncheckedIOException("Camunda Form is not JSON", e);
        }
    }

    /**
     * Fields of an embedded HTML form: {@code cam-variable-name} inputs and variables its script creates
     * are editable; variables it fetches to show (the Tasklist sends them back) are shown.
     */
    public static FormFields ofEmbeddedForm(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        Set<String> editable = matches(text, CAM_VARIABLE);
        editable.addAll(matches(text, CREATED_VARIABLE));
        Set<String> shown = matches(text, FETCHED_VARIABLE);
        shown.removeAll(editable);
        return new FormFields(editable, shown);
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
        return editable.contains(name) || shown.contains(name);
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> shown) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            if (!key.isEmpty()) {
                boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
                (readOnly ? shown : editable).add(key);
            }
            collect(component.path("components"), editable, shown);
        }
    }
}
