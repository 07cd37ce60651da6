package org.anzexian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A node's own share of the host's CPU ({@code --node-cpus=0.5}): the node's JVM goes into a Linux control group
 * of its own whose quota is that many cores, as if each node had a small host to itself while PostgreSQL keeps the
 * rest. On one 2-core host two uncapped nodes only share the cores one node already fills, which says nothing of
 * how the nodes scale (#15 goal 3); with a budget per node the second node brings its own CPU, as a second host
 * would. Needs root and the cgroup v1 {@code cpu} controller or cgroup v2 with {@code cpu} enabled.
 */
final class NodeCpuBudget {

    private static final long PERIOD_MICROS = 100_000;
    private static final Path V1_CPU = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2_ROOT = Path.of("/sys/fs/cgroup");

    private final Path group;

    private NodeCpuBudget(Path group) {
        this.group = group;
    }

    /** Puts process {@code pid} (with all its threads) under a quota of {@code cores}. */
    static NodeCpuBudget apply(String name, long pid, double cores) throws IOException {
        if (!(cores > 0)) {
            throw new IllegalArgumentException("--node-cpus must be a positive number of cores, not " + cores);
        }
        long quota = Math.round(cores * PERIOD_MICROS);
        Path group;
        if (Files.isWritable(V1_CPU.resolve("cpu.cfs_quota_us"))) {
            group = Files.createDirectories(V1_CPU.resolve("anzexian-" + name));
            Files.writeString(group.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_MICROS));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
        } else if (Files.isReadable(V2_ROOT.resolve("cgroup.subtree_control"))
                && Files.readString(V2_ROOT.resolve("cgroup.subtree_control")).contains("cpu")) {
            group = Files.createDirectories(V2_ROOT.resolve("anzexian-" + name));
            Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
        } else {
            throw new IllegalStateException("--node-cpus needs a writable cgroup cpu controller (root; "
                    + V1_CPU + " or cgroup v2 with cpu enabled): none here");
        }
        Files.writeString(group.resolve("cgroup.procs"), String.valueOf(pid));
        return new NodeCpuBudget(group);
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
