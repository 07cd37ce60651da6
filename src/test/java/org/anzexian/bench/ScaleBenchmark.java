package org.anzexian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scale benchmark of #15: not a test (no JUnit, never part of {@code mvn verify}). Run it with
 * {@code bench/run} (docs/PERFORMANCE.md, "Scale (#15)"); options are {@code --name=value}:
 * {@code --only=storm,starts,tasklist}, {@code --reps=3}, {@code --storm=10000}, {@code --keep=true} (keep the
 * database), {@code --node-arg="--key=value …"} (a setting to try on every node), {@code --node-jvm="-Xmx1g …"} (the nodes'
 * JVM options, e.g. a flight recording), {@code --node-cpus=0.25} (every node under a CPU budget of its own),
 * {@code --scaling-cpus=0.15} (the budget of each node in the storm's goal 3, {@code off} to skip it), and each part's
 * own.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        // the busy Tasklist first, on its own 100,000 open tasks: after the storms the database holds theirs too
        List<BenchPart> parts = List.of(new BusyTasklist(), new EscalationStorm(), new StartRate());
        Set<String> only = Arrays.stream(options.getOrDefault("only",
                parts.stream().map(BenchPart::name).collect(Collectors.joining(","))).split(","))
                .map(String::strip).collect(Collectors.toSet());
        Report report = new Report();
        boolean failed = false;
        report.line("machine: %d cores, %d MB max heap here, java %s, %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), options);
        try (BenchRun run = BenchRun.open(options)) {
            report.line("cpu: %s; memory: %s; database: %s", cpuModel(),
                    firstLine(Path.of("/proc/meminfo")).replaceAll("\\s+", " "),
                    run.jdbc().queryForObject("SELECT version()", String.class));
            for (BenchPart part : parts) {
                if (only.contains(part.name())) {
                    long started = System.nanoTime();
                    report.line("=== %s", part.name());
                    try {
                        part.run(run, report);
                        report.line("=== %s done in %.0f s", part.name(), (System.nanoTime() - started) / 1e9);
                    } catch (Exception | AssertionError e) {
                        // the other parts' figures still count: the failure is reported, not hidden
                        failed = true;
                        report.line("=== %s FAILED after %.0f s: %s", part.name(), (System.nanoTime() - started) / 1e9, e);
                        e.printStackTrace();
                    }
                }
            }
        }
        report.printGoals();
        System.exit(failed ? 1 : 0);
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
