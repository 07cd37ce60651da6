package org.anzexian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A node's own share of the host's CPU ({@code --node-cpus=0.5} for every node, {@code --scaling-cpus} for the
 * storm's goal 3): the node's JVM goes into a Linux control group of its own whose quota is that many cores, as if
 * each node had a small host to itself while PostgreSQL keeps the rest. On one 2-core host two uncapped nodes only
 * share the cores one node already fills, which says nothing of how the nodes scale (#15 goal 3); with a budget per
 * node the second node brings its own CPU, as a second host would. Needs root and the cgroup v1 {@code cpu}
 * controller or cgroup v2 with {@code cpu} enabled.
 */
final class NodeCpuBudget {

    private static final long PERIOD_MICROS = 100_000;
    private static final Path V1_CPU = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2_ROOT = Path.of("/sys/fs/cgroup");
    private static final String NO_CONTROLLER = "a CPU budget per node needs a writable cgroup cpu controller (root; "
            + V1_CPU + " or cgroup v2 with cpu enabled): none here";

    private final Path group;
    private final long quota;

    private NodeCpuBudget(Path group, long quota) {
        this.group = group;
        this.quota = quota;
    }

    /** Why no node can get a budget here, or empty when one can. */
    static Optional<String> unavailable() {
        try {
            return v1() || v2() ? Optional.empty() : Optional.of(NO_CONTROLLER);
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    private static boolean v1() {
        return Files.isWritable(V1_CPU.resolve("cpu.cfs_quota_us"));
    }

    private static boolean v2() throws IOException {
        return Files.isReadable(V2_ROOT.resolve("cgroup.subtree_control"))
                && Files.readString(V2_ROOT.resolve("cgroup.subtree_control")).contains("cpu");
    }

    /** Puts process {@code pid} (with all its threads) under a quota of {@code cores}. */
    static NodeCpuBudget apply(String name, long pid, double cores) throws IOException {
        if (!(cores > 0)) {
            throw new IllegalArgumentException("a CPU budget must be a positive number of cores, not " + cores);
        }
        Path group;
        if (v1()) {
            group = Files.createDirectories(V1_CPU.resolve("anzexian-" + name));
            Files.writeString(group.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_MICROS));
        } else if (v2()) {
            group = Files.createDirectories(V2_ROOT.resolve("anzexian-" + name));
        } else {
            throw new IllegalStateException(NO_CONTROLLER);
        }
        NodeCpuBudget budget = new NodeCpuBudget(group, Math.round(cores * PERIOD_MICROS));
        budget.enforce();
        Files.writeString(group.resolve("cgroup.procs"), String.valueOf(pid));
        return budget;
    }

    /** Holds the node to its budget (again). */
    void enforce() throws IOException {
        setQuota(String.valueOf(quota));
    }

    /** Lets the node use the whole host until {@link #enforce()}; the process stays in its group. */
    void lift() throws IOException {
        setQuota(null);
    }

    private void setQuota(String micros) throws IOException {
        if (Files.exists(group.resolve("cpu.cfs_quota_us"))) {
            Files.writeString(group.resolve("cpu.cfs_quota_us"), micros == null ? "-1" : micros);
        } else {
            Files.writeString(group.resolve("cpu.max"), (micros == null ? "max" : micros) + " " + PERIOD_MICROS);
        }
    }

    /** Removes the group once its node has stopped (a group with a process left in it stays). */
    void remove() {
        try {
            Files.deleteIfExists(group);
        } catch (IOException e) {
            System.err.printf(Locale.ROOT, "cgroup %s not removed: %s%n", group, e);
        }
    }

    @Override
    public String toString() {
        return group.toString();
    }
}
