package org.anzexian.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * docs/RULES.md read as data: one row per rule id, and every backticked reference in the
 * "Enforced by" and "Proven by" cells resolved against the code and models (see the page's header
 * for the reference forms).
 */
final class RulesTable {

    /** The rule ids of REQUIREMENTS.md: how many rules each section N1 … N9 has. */
    private static final int[] RULES_PER_SECTION = {3, 5, 9, 6, 2, 7, 5, 9, 3};

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(N\\d+\\.\\d+)\\s*\\|(.*)\\|\\s*$");
    private static final Pattern REFERENCE = Pattern.compile("`([^`]+)`");
    private static final Pattern MODEL_REFERENCE = Pattern.compile("^([\\w./-]+\\.(bpmn|dmn))#([\\w-]+)$");
    private static final Pattern JAVA_REFERENCE = Pattern.compile("^([A-Z][A-Za-z0-9_]*)#([a-z_$][A-Za-z0-9_$]*)$");

    private final Path root;
    private final Map<String, List<JavaSource>> sourcesBySimpleName;

    RulesTable(Path root) {
        this.root = root;
        this.sourcesBySimpleName = indexSources(root);
    }

    static List<String> ruleIds() {
        return IntStream.range(0, RULES_PER_SECTION.length)
                .boxed()
                .flatMap(section -> IntStream.rangeClosed(1, RULES_PER_SECTION[section])
                        .mapToObj(rule -> "N" + (section + 1) + "." + rule))
                .toList();
    }

    /** Everything wrong with the table; empty when each rule has one row and every reference exists. */
    List<String> check(String markdown) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> rowsPerRule = new LinkedHashMap<>();
        ruleIds().forEach(id -> rowsPerRule.put(id, 0));
        for (String line : markdown.lines().toList()) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            String ruleId = row.group(1);
            if (!rowsPerRule.containsKey(ruleId)) {
                problems.add(ruleId + ": not a rule of REQUIREMENTS.md");
                continue;
            }
            rowsPerRule.merge(ruleId, 1, Integer::sum);
            String[] cells = row.group(2).split("\\|", -1);
            if (cells.length != 3) {
                problems.add(ruleId + ": expected 4 columns (Rule | Requirement | Enforced by | Proven by)");
                continue;
            }
            references(cells[1]).forEach(reference -> resolve(reference, false)
                    .ifPresent(problem -> problems.add(ruleId + " enforced by `" + reference + "`: " + problem)));
            references(cells[2]).forEach(reference -> resolve(reference, true)
                    .ifPresent(problem -> problems.add(ruleId + " proven by `" + reference + "`: " + problem)));
        }
        rowsPerRule.forEach((ruleId, count) -> {
            if (count != 1) {
                problems.add(ruleId + ": " + count + " rows, expected exactly one");
            }
        });
        return problems;
    }

    private static List<String> references(String cell) {
        List<String> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(cell);
        while (matcher.find()) {
            references.add(matcher.group(1).strip());
        }
        return references;
    }

    /** Why a reference does not resolve, or empty when it does. */
    private Optional<String> resolve(String reference, boolean mustBeTest) {
        Matcher model = MODEL_REFERENCE.matcher(reference);
        if (model.matches()) {
            return Optional.ofNullable(missingModelElement(model.group(1), model.group(2), model.group(3)));
        }
        Matcher member = JAVA_REFERENCE.matcher(reference);
        if (member.matches()) {
            return Optional.ofNullable(missingMember(member.group(1), member.group(2), mustBeTest));
        }
        return Optional.of("not a reference of the form Class#member, path.bpmn#Element_Id or path.dmn#decisionId");
    }

    private String missingModelElement(String path, String kind, String id) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return "no file " + path;
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (kind.equals("bpmn")) {
                return Bpmn.readModelFromStream(in).getModelElementById(id) == null
                        ? "no element " + id + " in " + path : null;
            }
            return Dmn.readModelFromStream(in).getModelElementById(id) instanceof Decision
                    ? null : "no decision " + id + " in " + path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return path + " does not parse: " + e.getMessage();
        }
    }

    private String missingMember(String simpleName, String member, boolean mustBeTest) {
        List<JavaSource> candidates = sourcesBySimpleName.getOrDefault(simpleName, List.of()).stream()
                .filter(source -> !mustBeTest || source.test())
                .toList();
        if (candidates.isEmpty()) {
            return "no class " + simpleName + (mustBeTest ? " under src/test/java" : " under src/main/java or src/test/java");
        }
        if (candidates.size() > 1) {
            return "class name " + simpleName + " is ambiguous: " + candidates.stream().map(JavaSource::className).toList();
        }
        Class<?> type;
        try {
            type = Class.forName(candidates.get(0).className(), false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return "class " + candidates.get(0).className() + " is not compiled";
        }
        return hasMember(type, member) ? null : "no method or field " + member + " in " + type.getName();
    }

    /** Declared here or inherited: test contracts keep their tests in an abstract superclass. */
    private static boolean hasMember(Class<?> type, String member) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (Arrays.stream(current.getDeclaredMethods()).map(Method::getName).anyMatch(member::equals)
                    || Arrays.stream(current.getDeclaredFields()).map(Field::getName).anyMatch(member::equals)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<JavaSource>> indexSources(Path root) {
        Map<String, List<JavaSource>> bySimpleName = new HashMap<>();
        Stream.of(new SourceRoot(root.resolve("src/main/java"), false), new SourceRoot(root.resolve("src/test/java"), true))
                .forEach(sourceRoot -> ProjectFiles.find(sourceRoot.folder(), ".java").forEach(file -> {
                    String relative = sourceRoot.folder().relativize(file).toString().replace('\\', '/');
                    String className = relative.replaceFirst("\\.java$", "").replace('/', '.');
                    String simpleName = className.substring(className.lastIndexOf('.') + 1);
                    bySimpleName.computeIfAbsent(simpleName, name -> new ArrayList<>())
                            .add(new JavaSource(className, sourceRoot.test()));
                }));
        return bySimpleName;
    }

    private record SourceRoot(Path folder, boolean test) {
    }

    private record JavaSource(String className, boolean test) {
    }
}
