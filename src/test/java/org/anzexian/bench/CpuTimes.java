package org.anzexian.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time each node's JVM and the local PostgreSQL's processes have used so far, read from {@code /proc}: where
 * a storm's CPU went, per item and as a share of what each node could have used (its budget, or the host's cores).
 * A node that used all of its budget was limited by its CPU; one that used less waited (for the database, for its
 * job acquisition, for the other node's locks). Of a node's time, what its JIT compiler threads used is shown apart:
 * a node still compiling is not yet the node a production server runs after a day. PostgreSQL counts only where it
 * runs on this host.
 */
final class CpuTimes {

    /** Linux's unit of {@code utime} and {@code stime} in {@code /proc/<pid>/stat} on every common platform. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Double> nodes;
    private final Map<String, Double> compilers;
    private final double postgres;

    private CpuTimes(Map<String, Double> nodes, Map<String, Double> compilers, double postgres) {
        this.nodes = nodes;
        this.compilers = compilers;
        this.postgres = postgres;
    }

    /** The CPU seconds of each node (by name), of its JIT compiler threads, and of PostgreSQL now. */
    static CpuTimes read(Map<String, Long> nodePids) {
        Map<String, Double> nodes = new LinkedHashMap<>();
        Map<String, Double> compilers = new LinkedHashMap<>();
        nodePids.forEach((name, pid) -> {
            nodes.put(name, seconds(Path.of("/proc", String.valueOf(pid)), false));
            compilers.put(name, compilerSeconds(pid));
        });
        return new CpuTimes(nodes, compilers, postgresSeconds());
    }

    /** The share of node {@code name}'s CPU since {@code before} that its JIT compiler threads used. */
    double compilingShare(CpuTimes before, String name) {
        double used = nodes.get(name) - before.nodes.get(name);
        return used > 0 ? compiling(before, name) / used : 0;
    }

    private double compiling(CpuTimes before, String name) {
        // a compiler thread that has ended takes its time with it: never below nothing
        return Math.max(0, compilers.get(name) - before.compilers.get(name));
    }

    /**
     * What was used since {@code before}: per node its seconds, milliseconds per item and share of {@code cores}
     * over {@code elapsed} seconds, then PostgreSQL's seconds and milliseconds per item.
     */
    String since(CpuTimes before, int items, double elapsed, double cores) {
        List<String> parts = new ArrayList<>();
        nodes.forEach((name, now) -> {
            double used = now - before.nodes.getOrDefault(name, now);
            parts.add(String.format(Locale.ROOT, "%s %.1f s (%.2f ms per item, %.0f %% of %s cores; JIT compiling "
                    + "%.1f s)", name, used, 1000 * used / items, 100 * used / (cores * elapsed), cores,
                    before.nodes.containsKey(name) ? compiling(before, name) : 0));
        });
        double database = postgres - before.postgres;
        parts.add(String.format(Locale.ROOT, "PostgreSQL %.1f s (%.2f ms per item)", database, 1000 * database / items));
        return String.join("; ", parts);
    }

    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> "postgres".equals(comm(dir)))
                    // the server's own process also counts the backends that have ended (its children's time)
                    .mapToDouble(dir -> seconds(dir, true))
                    .sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /**
     * The user and system time of a JVM's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThre…}:
     * Linux keeps 15 characters of a thread's name).
     */
    private static double compilerSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.filter(thread -> comm(thread).matches("C\\d CompilerThre.*"))
                    .mapToDouble(thread -> seconds(thread, false))
                    .sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    /**
     * The user and system time of a process or thread (its {@code /proc} directory), with its ended children's where
     * {@code withChildren}; 0 once it is gone.
     */
    private static double seconds(Path process, boolean withChildren) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the fields after the command name, which is in parentheses and may itself hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
