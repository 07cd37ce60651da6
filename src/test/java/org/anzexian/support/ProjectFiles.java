package org.anzexian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Files of the checkout the model and shape checks read; Maven runs tests in the project folder. */
public final class ProjectFiles {

    public static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();
    public static final Path PROCESSES = ROOT.resolve("processes");
    public static final Path FORMS = ROOT.resolve("forms");
    public static final Path TEST_RESOURCES = ROOT.resolve("src/test/resources");
    /** Deliberately broken models and forms that prove the checkers report what they should. */
    public static final Path BROKEN_FIXTURES = TEST_RESOURCES.resolve("lint-fixtures");
    public static final Path NODE_TOOLS = ROOT.resolve("src/test/node");

    private ProjectFiles() {
    }

    /** Regular files below {@code folder} whose name ends with {@code suffix}; none if it is missing. */
    public static List<Path> find(Path folder, String suffix) {
        return find(folder, suffix, path -> true);
    }

    public static List<Path> find(Path folder, String suffix, Predicate<Path> keep) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .filter(keep)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The BPMN models that must be clean: everything in processes/ and the test models. */
    public static List<Path> bpmnModels() {
        return Stream.concat(find(PROCESSES, ".bpmn").stream(), testModels(".bpmn").stream()).toList();
    }

    /** Test models under src/test/resources, without the deliberately broken fixtures. */
    public static List<Path> testModels(String suffix) {
        return find(TEST_RESOURCES, suffix, path -> !path.startsWith(BROKEN_FIXTURES));
    }

    public static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
