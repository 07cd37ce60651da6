package org.anzexian.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal in Debian's headless Chromium: logs in on the portal's login page as {@code user} and walks
 * the given steps (src/test/node/portal-check.mjs explains each). Screenshots of failed runs land in
 * target/browser/, those asked for with {@link Step#shot} in target/screenshots/.
 */
public final class PortalBrowser {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public PortalBrowser(int port) {
        this.port = port;
    }

    /** Skips the calling test (fails it under CI) unless Chromium and playwright-core are there. */
    public static void requireBrowser() {
        TasklistScript.requireBrowser();
    }

    /** One step of a walk through the portal. */
    public record Step(String kind, Object argument) {

        public static Step go(String path) {
            return new Step("goto", path);
        }

        public static Step click(String text) {
            return new Step("click", text);
        }

        public static Step fill(String label, String value) {
            return new Step("fill", Map.of("label", label, "value", value));
        }

        public static Step select(String label, String optionText) {
            return new Step("select", Map.of("label", label, "value", optionText));
        }

        public static Step check(String label) {
            return new Step("check", label);
        }

        public static Step upload(String label, Path file) {
            return new Step("upload", Map.of("label", label, "file", file.toAbsolutePath().toString()));
        }

        public static Step expectText(String text) {
            return new Step("expectText", text);
        }

        public static Step expectNoText(String text) {
            return new Step("expectNoText", text);
        }

        public static Step expectUrl(String part) {
            return new Step("expectUrl", part);
        }

        public static Step waitFor(String cssSelector) {
            return new Step("waitFor", cssSelector);
        }

        /** Appends the text of every element matching the selector to {@link Run#reads()}. */
        public static Step read(String cssSelector) {
            return new Step("read", cssSelector);
        }

        public static Step shot(String name) {
            return new Step("shot", name);
        }
    }

    public Run walk(String user, String password, Step... steps) {
        try {
            List<Map<String, Object>> plan = new ArrayList<>();
            for (Step step : steps) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put(step.kind(), step.argument());
                plan.add(entry);
            }
            Path file = Files.createTempFile("portal-steps", ".json");
            try {
                JSON.writeValue(file.toFile(), plan);
                ExternalTool.Result run = ExternalTool.run(ProjectFiles.NODE_TOOLS, SCRIPT_TIMEOUT, List.of(
                        "node", "portal-check.mjs", "--base-url", "http://localhost:" + port,
                        "--user", user, "--password", password, "--steps", file.toString(),
                        "--screenshot-dir", ProjectFiles.ROOT.resolve("target/browser").toString(),
                        "--shots-dir", ProjectFiles.ROOT.resolve("target/screenshots").toString()));
                String lastLine = run.output().strip().lines().reduce((first, second) -> second).orElse("");
                return new Run(user, run.exitCode(), JSON.readTree(lastLine), run.output());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError("portal-check.mjs printed no JSON result", e);
        }
    }

    /** One walk: the report of portal-check.mjs and everything it printed. */
    public record Run(String user, int exitCode, JsonNode result, String output) {

        /** Asserts the walk succeeded and asked nothing of another host; answers the report. */
        public JsonNode assertOk() {
            assertThat(exitCode).as("portal-check.mjs as %s:%n%s", user, output).isZero();
            assertThat(result.path("externalRequests")).as("requests to other hosts").isEmpty();
            assertThat(result.path("pageErrors")).as("script errors on the page").isEmpty();
            return result;
        }

        public List<String> reads() {
            List<String> reads = new ArrayList<>();
            result.path("reads").forEach(node -> reads.add(node.asText()));
            return reads;
        }
    }
}
