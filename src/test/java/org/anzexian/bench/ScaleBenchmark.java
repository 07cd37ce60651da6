package org.anzexian.bench;

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
 * JVM options, e.g. a flight recording), and each part's own.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<BenchPart> parts = List.of(new EscalationStorm(), new StartRate(), new BusyTasklist());
        Set<String> only = Arrays.stream(options.getOrDefault("only",
                parts.stream().map(BenchPart::name).collect(Collectors.joining(","))).split(","))
                .map(String::strip).collect(Collectors.toSet());
        Report report = new Report();
        report.line("machine: %d cores, %d MB max heap here, java %s, %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), options);
        try (BenchRun run = BenchRun.open(options)) {
            for (BenchPart part : parts) {
                if (only.contains(part.name())) {
                    long started = System.nanoTime();
                    report.line("=== %s", part.name());
                    part.run(run, report);
                    report.line("=== %s done in %.0f s", part.name(), (System.nanoTime() - started) / 1e9);
                }
            }
        }
        report.printGoals();
        System.exit(0);
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
