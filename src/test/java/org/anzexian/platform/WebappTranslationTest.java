package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our zh.json of each Camunda webapp (#12) against the English file of the 7.24 webjar on the classpath:
 * every English key is there, translated (not empty, not the English text, no English words left beyond
 * names and abbreviations a Chinese user reads as they are), with the same {{placeholders}}; so a webapp
 * upgrade that adds labels fails here until we translate them.
 */
class WebappTranslationTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Written the same in Chinese: abbreviations, formats and operators. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("ID", "ID*", "CSV", "JSON", "<", "<=", ">", ">=",
            "YYYY-MM-DDTHH:mm:ss");

    /** Latin words a translated label may keep: names, abbreviations, date patterns, keys on the keyboard. */
    private static final Pattern KEPT_LATIN = Pattern.compile(
            "\\b(ID|CSV|JSON|DMN|BPMN|XML|LDAP|CTRL|F5|null|Camunda|#?resolve|promise|DI|EDE|FNI|PI|TU|lt|gt"
                    + "|yyyy-MM-ddTHH:mm:ss|YYYY-MM-DDTHH:mm:ss)\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}|%[sd]");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyEnglishLabelHasOurChineseTranslation(String app) throws IOException {
        Map<String, String> english = labels(app, "en");
        Map<String, String> chinese = labels(app, "zh");
        List<String> problems = new ArrayList<>();

        english.forEach((key, en) -> {
            String zh = chinese.get(key);
            if (zh == null) {
                problems.add(key + ": missing");
            } else if (zh.isBlank() && !pluralSuffixOrEmpty(en)) {
                problems.add(key + ": empty");
            } else if (zh.strip().equals(en.strip()) && !SAME_IN_CHINESE.contains(en.strip()) && !en.isBlank()) {
                problems.add(key + ": still English '" + en + "'");
            } else if (!placeholders(zh).equals(placeholders(en))) {
                problems.add(key + ": placeholders " + placeholders(zh) + " instead of " + placeholders(en));
            } else if (LATIN_WORD.matcher(KEPT_LATIN.matcher(bare(zh)).replaceAll("")).find()) {
                problems.add(key + ": English left in '" + zh + "'");
            }
        });
        chinese.keySet().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> problems.add(key + ": not a label of the 7.24 webapp"));

        assertThat(problems).as("zh.json of %s (%d English labels)", app, english.size()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "cockpit"})
    void datesAreWrittenTheChineseWay(String app) throws IOException {
        JsonNode dates = read(app, "zh").path("dateLocales");

        assertThat(dates.path("months").get(0).asText()).isEqualTo("一月");
        assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("星期一");
        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("YYYY-MM-DD");
        assertThat(fieldNames(dates)).isEqualTo(fieldNames(read(app, "en").path("dateLocales")));
    }

    /** Chinese has no plural ending: the English "s" appended to counts stays empty. */
    private static boolean pluralSuffixOrEmpty(String en) {
        return en.isBlank() || en.equals("s");
    }

    private static String bare(String label) {
        return MARKUP.matcher(PLACEHOLDER.matcher(label).replaceAll("")).replaceAll("");
    }

    private static List<String> placeholders(String label) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(label);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group());
        }
        found.sort(null);
        return found;
    }

    private static Map<String, String> labels(String app, String language) throws IOException {
        Map<String, String> labels = new TreeMap<>();
        read(app, language).path("labels").fields()
                .forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        assertThat(labels).as("labels of %s/%s", app, language).isNotEmpty();
        return labels;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        names.sort(null);
        return names;
    }

    /** The en.json comes from the webjar (Camunda writes it with a byte-order mark), the zh.json from us. */
    private static JsonNode read(String app, String language) throws IOException {
        String path = LOCALES.formatted(app, language);
        try (InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
        }
    }
}
