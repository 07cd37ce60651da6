package org.anzexian.bench;

import java.io.IOException;
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
 * job acquisition, for the other node's locks). PostgreSQL counts only where it runs on this host.
 */
final class CpuTimes {

    /** Linux's unit of {@code utime} and {@code stime} in {@code /proc/<pid>/stat} on every common platform. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Double> nodes;
    private final double postgres;

    private CpuTimes(Map<String, Double> nodes, double postgres) {
        this.nodes = nodes;
        this.postgres = postgres;
    }

    /** The CPU seconds of each node (by name) and of PostgreSQL now. */
    static CpuTimes read(Map<String, Long> nodePids) {
        Map<String, Double> nodes = new LinkedHashMap<>();
        nodePids.forEach((name, pid) -> nodes.put(name, seconds(pid, false)));
        return new CpuTimes(nodes, postgresSeconds());
    }

    /**
     * What was used since {@code before}: per node its seconds, milliseconds per item and share of {@code cores}
     * over {@code elapsed} seconds, then PostgreSQL's seconds and milliseconds per item.
     */
    String since(CpuTimes before, int items, double elapsed, double cores) {
        List<String> parts = new ArrayList<>();
        nodes.forEach((name, now) -> {
            double used = now - before.nodes.getOrDefault(name, now);
            parts.add(String.format(Locale.ROOT, "%s %.1f s (%.2f ms per item, %.0f %% of %s cores)", name, used,
                    1000 * used / items, 100 * used / (cores * elapsed), cores));
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
                    .mapToDouble(dir -> seconds(Long.parseLong(dir.getFileName().toString()), true))
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

    /** A process's user and system time, with its ended children's where {@code withChildren}; 0 once it is gone. */
    private static double seconds(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
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
