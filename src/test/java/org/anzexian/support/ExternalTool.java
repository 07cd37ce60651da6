package org.anzexian.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Node, its test packages (src/test/node, installed from the lock file on first use) and
 * Debian's Chromium. A missing tool skips the test with the reason, except under CI (environment
 * variable {@code CI} set), where it is a failure: CI must run every check.
 */
public final class ExternalTool {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private ExternalTool() {
    }

    /**
     * Skips (or, under CI, fails) the calling test unless node and the named npm packages are there;
     * installs the packages from the committed lock file if they are missing. Maven does not do this
     * itself because {@code mvn spring-boot:run} runs the test phases' set-up too, and starting the
     * system must not need npm.
     */
    public static synchronized void requireNodePackages(String... packages) {
        if (!nodeAnswers()) {
            missing("node is not on the PATH");
        }
        if (!allInstalled(packages)) {
            Result install = run(ProjectFiles.NODE_TOOLS, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund",
                    "--prefer-offline", "--loglevel=error");
            if (install.exitCode() != 0 || !allInstalled(packages)) {
                missing("npm ci in src/test/node failed: " + install.output());
            }
        }
    }

    private static boolean allInstalled(String... packages) {
        for (String name : packages) {
            if (!Files.isDirectory(ProjectFiles.NODE_TOOLS.resolve("node_modules").resolve(name))) {
                return false;
            }
        }
        return true;
    }

    public static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            missing(CHROMIUM + " is missing (apt-get install chromium)");
        }
    }

    private static void missing(String reason) {
        if (System.getenv("CI") != null) {
            fail(reason + ", and CI is set: this check must run in CI");
        }
        Assumptions.abort(reason + ": check skipped");
    }

    private static boolean nodeAnswers() {
        try {
            return run(ProjectFiles.NODE_TOOLS, Duration.ofSeconds(20), "node", "--version").exitCode() == 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Runs a command in {@code workingDir}; stdout and stderr together, bounded by {@code timeout}. */
    public static Result run(Path workingDir, Duration timeout, String... command) {
        return run(workingDir, timeout, List.of(command));
    }

    public static Result run(Path workingDir, Duration timeout, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("anzexian-tool-", ".out");
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + ": " + command + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    public record Result(int exitCode, String output) {
    }
}
