package org.anzexian.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Tasklist as people use it: runs a scenario of src/test/node/tasklist-check.mjs (see its header) in
 * Debian's headless Chromium against the test server on {@code port}. Screenshots and the page's HTML
 * of failed steps land in target/browser/.
 */
public final class TasklistScript {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public TasklistScript(int port) {
        this.port = port;
    }

    /** Skips the calling test (fails it under CI) unless Chromium and playwright-core are there. */
    public static void requireBrowser() {
        ExternalTool.requireChromium();
        ExternalTool.requireNodePackages("playwright-core");
    }

    /**
     * Completes the task in the Tasklist as {@code user}, filling the form fields by label in their order
     * (a label {@code @click} clicks the form's button of that text); {@code more} are further options,
     * e.g. {@code "--expect-text", "¥15,000.00", "--shot", "journey1-review"}.
     */
    public Run complete(String user, String password, String taskId, Map<String, String> fieldsByLabel,
            String... more) {
        List<String> options = new ArrayList<>(List.of("--task-id", taskId));
        options.addAll(fieldOptions(fieldsByLabel));
        options.addAll(List.of(more));
        return run("complete", user, password, options.toArray(String[]::new));
    }

    /**
     * Starts {@code processKey} in the Tasklist's start dialog as {@code user}, filling its form like
     * {@link #complete}; the report has {@code businessKey} and the {@code notices} shown after the start.
     */
    public Run start(String user, String password, String processKey, Map<String, String> fieldsByLabel,
            String... more) {
        List<String> options = new ArrayList<>(List.of("--process-key", processKey));
        options.addAll(fieldOptions(fieldsByLabel));
        options.addAll(List.of(more));
        return run("start", user, password, options.toArray(String[]::new));
    }

    private static List<String> fieldOptions(Map<String, String> fieldsByLabel) {
        List<String> options = new ArrayList<>();
        fieldsByLabel.forEach((label, value) -> options.addAll(List.of("--field", label + "=" + value)));
        return options;
    }

    public Run run(String scenario, String user, String password, String... options) {
        List<String> command = new ArrayList<>(List.of("node", "tasklist-check.mjs", scenario,
                "--base-url", "http://localhost:" + port,
                "--user", user, "--password", password,
                "--screenshot-dir", ProjectFiles.ROOT.resolve("target/browser").toString(),
                "--shots-dir", ProjectFiles.ROOT.resolve("target/screenshots").toString()));
        command.addAll(List.of(options));
        ExternalTool.Result run = ExternalTool.run(ProjectFiles.NODE_TOOLS, SCRIPT_TIMEOUT, command);
        String lastLine = run.output().strip().lines().reduce((first, second) -> second).orElse("");
        try {
            return new Run(scenario, user, run.exitCode(), JSON.readTree(lastLine), run.output());
        } catch (IOException e) {
            throw new AssertionError("tasklist-check.mjs printed no JSON result:\n" + run.output(), e);
        }
    }

    /**
     * One run: {@code exitCode} 0 when ok, 1 when the check failed, 2 on a harness error; {@code result}
     * is the script's JSON report, {@code output} everything it printed.
     */
    public record Run(String scenario, String user, int exitCode, JsonNode result, String output) {

        /** The report, after asserting the scenario succeeded. */
        public JsonNode assertOk() {
            assertThat(exitCode).as("tasklist-check.mjs %s as %s:%n%s", scenario, user, output).isZero();
            assertThat(result.path("ok").asBoolean()).as("result of %s as %s: %s", scenario, user, result).isTrue();
            return result;
        }
    }
}
