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
 * job acquisition, for the other node's locks, for a core the host's other processes held). Of a node's time, what
 * its job threads, its job acquisition thread and its JIT compiler threads used is shown apart (a node still
 * compiling is not yet the node a production server runs after a day), and so is how long its threads waited for a
 * core ({@code /proc/<pid>/task/<tid>/schedstat}) and how long its budget held it back ({@code cpu.stat} of its
 * control group). A thread held back by its budget waits for a core too, so of the two only the database's waits are
 * the shared host's alone: PostgreSQL has no budget, and its backends waiting for a core is the host standing in the
 * way of the nodes it answers. The hypervisor's stolen time is shown for the host. PostgreSQL counts only where it
 * runs on this host, and a node thread or backend that has ended takes its waits with it.
 */
final class CpuTimes {

    /** Linux's unit of {@code utime} and {@code stime} in {@code /proc/<pid>/stat} on every common platform. */
    private static final double TICKS_PER_SECOND = 100;
    private static final double NANOS_PER_SECOND = 1e9;

    /** One process's seconds so far: all its CPU, its threads' by kind, its threads' waits for a core. */
    private record Usage(double cpu, double jobs, double acquisition, double compilers, double waited,
            double throttled) {

        Usage minus(Usage before) {
            // a thread that has ended takes its time with it: never below nothing
            return new Usage(cpu - before.cpu, Math.max(0, jobs - before.jobs),
                    Math.max(0, acquisition - before.acquisition), Math.max(0, compilers - before.compilers),
                    Math.max(0, waited - before.waited), throttled - before.throttled);
        }
    }

    private final Map<String, Usage> nodes;
    private final Usage postgres;
    private final double stolen;

    private CpuTimes(Map<String, Usage> nodes, Usage postgres, double stolen) {
        this.nodes = nodes;
        this.postgres = postgres;
        this.stolen = stolen;
    }

    /** The CPU seconds of each node (by name) and of PostgreSQL now. */
    static CpuTimes read(Map<String, Long> nodePids) {
        Map<String, Usage> nodes = new LinkedHashMap<>();
        nodePids.forEach((name, pid) -> nodes.put(name, node(pid)));
        return new CpuTimes(nodes, postgres(), stolenSeconds());
    }

    /** The share of node {@code name}'s CPU since {@code before} that its JIT compiler threads used. */
    double compilingShare(CpuTimes before, String name) {
        Usage used = nodes.get(name).minus(before.nodes.get(name));
        return used.cpu > 0 ? used.compilers / used.cpu : 0;
    }

    /**
     * What was used since {@code before}: per node its seconds, its share of {@code cores} over {@code elapsed}
     * seconds, its threads' milliseconds per item by kind and its waits; then PostgreSQL's, then the host's stolen
     * time.
     */
    String since(CpuTimes before, int items, double elapsed, double cores) {
        List<String> parts = new ArrayList<>();
        nodes.forEach((name, now) -> {
            Usage used = now.minus(before.nodes.getOrDefault(name, now));
            parts.add(String.format(Locale.ROOT, "%s %.1f s (%.2f ms per item, %.0f %% of %s cores; per item job "
                    + "threads %.2f, acquisition %.2f, JIT compilers %.2f ms; threads waited for a core %.1f s, "
                    + "budget throttled %.1f s)", name, used.cpu, perItem(used.cpu, items),
                    100 * used.cpu / (cores * elapsed), cores, perItem(used.jobs, items),
                    perItem(used.acquisition, items), perItem(used.compilers, items), used.waited, used.throttled));
        });
        Usage database = postgres.minus(before.postgres);
        parts.add(String.format(Locale.ROOT, "PostgreSQL %.1f s (%.2f ms per item; backends waited for a core %.1f s, "
                + "%.2f ms per item)", database.cpu, perItem(database.cpu, items), database.waited,
                perItem(database.waited, items)));
        parts.add(String.format(Locale.ROOT, "host: stolen by the hypervisor %.1f s", stolen - before.stolen));
        return String.join("; ", parts);
    }

    private static double perItem(double seconds, int items) {
        return 1000 * seconds / items;
    }

    /**
     * A node's JVM: its threads by their names as Linux keeps them (15 characters): the Camunda starter's job
     * threads {@code camundaTaskExecutor-N}, the acquisition thread {@code JobExecutor[…]}, the compilers
     * {@code C1 CompilerThread0}, {@code C2 CompilerThre…}.
     */
    private static Usage node(long pid) {
        Path process = Path.of("/proc", String.valueOf(pid));
        double jobs = 0;
        double acquisition = 0;
        double compilers = 0;
        double waited = 0;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String name = comm(thread);
                double cpu = seconds(thread, false);
                if (name.startsWith("camundaTaskExec")) {
                    jobs += cpu;
                } else if (name.startsWith("JobExecutor[")) {
                    acquisition += cpu;
                } else if (name.matches("C\\d CompilerThre.*")) {
                    compilers += cpu;
                }
                waited += waitedSeconds(thread);
            }
        } catch (IOException | UncheckedIOException gone) {
            // a node that has ended counts nothing more
        }
        return new Usage(seconds(process, false), jobs, acquisition, compilers, waited, throttledSeconds(process));
    }

    private static Usage postgres() {
        double cpu = 0;
        double waited = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().matches("\\d+") && "postgres".equals(comm(process))) {
                    // the server's own process also counts the backends that have ended (its children's time)
                    cpu += seconds(process, true);
                    waited += waitedSeconds(process);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new Usage(Double.NaN, 0, 0, 0, Double.NaN, 0);
        }
        return new Usage(cpu, 0, 0, 0, waited, 0);
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
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

    /** How long a thread (or a process's main thread) was runnable but not running: schedstat's second field. */
    private static double waitedSeconds(Path thread) {
        try {
            return Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[1]) / NANOS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * How long the control group of a process's CPU budget ({@link NodeCpuBudget}) was held back so far: cgroup v1's
     * {@code throttled_time} (ns) or v2's {@code throttled_usec}; 0 where it has none.
     */
    private static double throttledSeconds(Path process) {
        try {
            for (String line : Files.readAllLines(process.resolve("cgroup"))) {
                // v1 "4:cpu:/anzexian-node1" (or "cpu,cpuacct"), v2 "0::/anzexian-node1"
                String[] fields = line.split(":", 3);
                boolean v1 = List.of(fields[1].split(",")).contains("cpu");
                if ((v1 || fields[1].isEmpty()) && !"/".equals(fields[2])) {
                    Path group = Path.of("/sys/fs/cgroup", v1 ? "cpu" : "", fields[2].substring(1));
                    return throttled(Files.readAllLines(group.resolve("cpu.stat")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // no budget, or the node has ended
        }
        return 0;
    }

    private static double throttled(List<String> cpuStat) {
        for (String line : cpuStat) {
            String[] field = line.split(" ");
            if (field[0].equals("throttled_time")) {
                return Long.parseLong(field[1]) / NANOS_PER_SECOND;
            }
            if (field[0].equals("throttled_usec")) {
                return Long.parseLong(field[1]) / 1e6;
            }
        }
        return 0;
    }

    /** The time the hypervisor gave the host's virtual cores to others: {@code /proc/stat}'s eighth field. */
    private static double stolenSeconds() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().map(line -> Long.parseLong(line.trim().split("\\s+")[8]) / TICKS_PER_SECOND)
                    .orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
