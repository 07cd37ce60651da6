package org.anzexian.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.AnzexianApplication;
import org.anzexian.support.AppNode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stage of one benchmark run: a PostgreSQL database of its own, the <em>loader</em> — the application
 * inside this JVM, its job executor off, through whose real services the parts create their data — and the
 * measured <em>nodes</em>, each the application in a JVM of its own (as in production) with its job executor on.
 */
final class BenchRun implements AutoCloseable {

    final Map<String, String> options;
    final String url;
    final ConfigurableApplicationContext loader;
    private final String database;
    private final String server;
    private final List<AppNode> nodes = new ArrayList<>();
    private final Map<AppNode, NodeCpuBudget> budgets = new HashMap<>();
    private final Set<AppNode> paused = new HashSet<>();
    /** Each node's CPU budget in cores ({@link NodeCpuBudget}), {@code null} for none. */
    private Double coresPerNode;
    /** Whether the nodes' budgets are lifted for now ({@link #liftBudgets()}). */
    private boolean budgetsLifted;
    private int started;

    private BenchRun(Map<String, String> options, String server, String database, ConfigurableApplicationContext loader) {
        this.options = options;
        this.server = server;
        this.database = database;
        this.url = "jdbc:postgresql://" + server + "/" + database;
        this.loader = loader;
        this.coresPerNode = options.containsKey("node-cpus") ? Double.valueOf(options.get("node-cpus")) : null;
    }

    static BenchRun open(Map<String, String> options) throws Exception {
        String server = options.getOrDefault("postgres", "127.0.0.1:5432");
        String database = options.getOrDefault("database", "anzexian_bench_scale");
        recreate(server, database, true);
        // arguments, not default properties: application.yaml's own values (server.port, the job executor)
        // would win over those
        ConfigurableApplicationContext loader = new SpringApplicationBuilder(AnzexianApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=jdbc:postgresql://" + server + "/" + database,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--ANZEXIAN_ADMIN_USER=" + AppNode.ADMIN_USER, "--ANZEXIAN_ADMIN_PASSWORD=" + AppNode.ADMIN_PASSWORD,
                        "--anzexian.demo-data.enabled=true", "--anzexian.demo-data.scenario=false", "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false", "--ANZEXIAN_HISTORY_CLEANUP_ENABLED=false",
                        "--spring.datasource.hikari.maximum-pool-size=12",
                        // only the loader commits without waiting for the disk: it is not measured, the nodes are
                        "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO off",
                        "--logging.level.root=WARN", "--logging.level.org.anzexian.notification=ERROR",
                        "--spring.main.banner-mode=off");
        return new BenchRun(options, server, database, loader);
    }

    int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    <T> T bean(Class<T> type) {
        return loader.getBean(type);
    }

    JdbcTemplate jdbc() {
        return loader.getBean(JdbcTemplate.class);
    }

    int loaderPort() {
        return ((WebServerApplicationContext) loader).getWebServer().getPort();
    }

    /**
     * Starts nodes until {@code count} run, each with the production settings plus any {@code --node-arg=…}
     * given on the command line (to try a setting; {@code --node-jvm=…} for the JVM, default {@code -Xmx1g}),
     * each under its own CPU budget if one is set ({@code --node-cpus=…} or {@link #stopNodesThenBudget(Double)}), and waits
     * until each answers.
     */
    List<AppNode> nodes(int count) throws Exception {
        while (nodes.size() < count) {
            List<String> args = new ArrayList<>(List.of("--anzexian.demo-data.enabled=false"));
            String extra = options.get("node-arg");
            if (extra != null) {
                args.addAll(List.of(extra.split(" ")));
            }
            AppNode node = AppNode.start("bench-" + (++started), url, Path.of("target", "bench"), nodeJvmOptions(), args);
            if (coresPerNode != null) {
                NodeCpuBudget budget = NodeCpuBudget.apply(node.name, node.pid(), coresPerNode);
                budgets.put(node, budget);
                if (budgetsLifted) {
                    budget.lift();
                }
            }
            // under a quarter core a node starts in two to four minutes (the twenty-third run's outlasted three)
            node.awaitStarted(Duration.ofMinutes(coresPerNode == null || budgetsLifted ? 3 : 8));
            nodes.add(node);
        }
        while (nodes.size() > count) {
            stop(nodes.remove(nodes.size() - 1));
        }
        return List.copyOf(nodes);
    }

    /**
     * The nodes' JVM options ({@code --node-jvm}, default {@code -Xmx1g}). Under a CPU budget the JVM is told as many
     * processors as the budget rounds up to, as a container's CPU limit or a small host would show it: the budget
     * is set only after the JVM has started, and a JVM that sized itself for the whole host (its garbage collector,
     * its compiler threads) under a quarter core spent 4.9 ms of CPU per hazard alone, and more per hazard beside a
     * second node; one told of one processor spent 3.1–3.8 ms alone and as much beside a second node
     * (docs/PERFORMANCE.md, "Twenty-seventh run").
     */
    private List<String> nodeJvmOptions() {
        List<String> jvm = new ArrayList<>(List.of(options.getOrDefault("node-jvm", "-Xmx1g").split(" ")));
        if (coresPerNode != null && jvm.stream().noneMatch(option -> option.startsWith("-XX:ActiveProcessorCount="))) {
            jvm.add("-XX:ActiveProcessorCount=" + (int) Math.ceil(coresPerNode));
        }
        return jvm;
    }

    /** The CPU budget of each node in cores, {@code null} for none. */
    Double coresPerNode() {
        return coresPerNode;
    }

    /**
     * Stops every node, so that the nodes started next run under a CPU budget of {@code cores} each ({@code null}:
     * none).
     */
    void stopNodesThenBudget(Double cores) throws Exception {
        while (!nodes.isEmpty()) {
            stop(nodes.remove(nodes.size() - 1));
        }
        coresPerNode = cores;
        budgetsLifted = false;
    }

    /**
     * Lets the nodes, and those started until {@link #enforceBudgets()}, use the whole host: to start them and warm
     * them up at the host's speed rather than a quarter core's.
     */
    void liftBudgets() throws Exception {
        budgetsLifted = true;
        for (NodeCpuBudget budget : budgets.values()) {
            budget.lift();
        }
    }

    /** Holds every node to its budget again. */
    void enforceBudgets() throws Exception {
        budgetsLifted = false;
        for (NodeCpuBudget budget : budgets.values()) {
            budget.enforce();
        }
    }

    /**
     * Does what autovacuum does on a production server: removes the rows that updates and deletes left dead and
     * refreshes the planner's statistics. The local test server runs with autovacuum off. Without the statistics
     * the planner kept the estimates of empty tables while a storm added hundreds of thousands of rows, and a
     * variable lookup that takes 0.05 ms took 18 ms (it read every task variable's index entry), each repetition
     * slower than the last. Without the vacuum (until the seventeenth run) every storm's deleted jobs stayed in the
     * job table and its due-date index, below "now", where each later job acquisition met them again. Returns
     * how many dead rows there were, for the log.
     */
    String vacuumAnalyze() {
        Map<String, Object> dead = jdbc().queryForMap("""
                SELECT COALESCE(SUM(n_dead_tup), 0) AS all_tables,
                       COALESCE(SUM(n_dead_tup) FILTER (WHERE relname = 'act_ru_job'), 0) AS jobs
                FROM pg_stat_user_tables""");
        long started = System.nanoTime();
        jdbc().execute("VACUUM ANALYZE");
        return String.format(java.util.Locale.ROOT, "vacuumed %s dead rows (%s of act_ru_job) in %.1f s",
                dead.get("all_tables"), dead.get("jobs"), (System.nanoTime() - started) / 1e9);
    }

    /** Each node's process id by name, a paused one included (it uses no CPU while paused). */
    Map<String, Long> nodePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        nodes.forEach(node -> pids.put(node.name, node.pid()));
        return pids;
    }

    /** The cores one node may use: its budget, or the host's. */
    double coresOfANode() {
        return coresPerNode != null ? coresPerNode : Runtime.getRuntime().availableProcessors();
    }

    /** The nodes running, not counting a paused one. */
    int nodeCount() {
        return nodes.size() - paused.size();
    }

    /**
     * Freezes node {@code index} (SIGSTOP) until {@link #resume}: it takes no job and uses no CPU, and keeps what it
     * compiled, so one node and two can be measured in turn on equally warm JVMs. Only while no job is due: a job the
     * node had locked would wait for its lock to expire.
     */
    void pause(int index) throws Exception {
        AppNode node = nodes.get(index);
        signal(node, "STOP");
        paused.add(node);
    }

    void resume(int index) throws Exception {
        AppNode node = nodes.get(index);
        if (paused.remove(node)) {
            signal(node, "CONT");
        }
    }

    private static void signal(AppNode node, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(node.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + node.pid() + " failed");
        }
    }

    /** Fails the run when a node died: its figures would be meaningless. */
    void checkNodes() {
        for (AppNode node : nodes) {
            if (!node.aliveOrKilled()) {
                throw new IllegalStateException("node " + node.name + " died; log tail:\n" + node.tail(60));
            }
        }
    }

    @Override
    public void close() throws Exception {
        for (AppNode node : nodes) {
            stop(node);
        }
        loader.close();
        if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
            recreate(server, database, false);
        }
    }

    private void stop(AppNode node) throws Exception {
        if (paused.remove(node)) {
            signal(node, "CONT");
        }
        node.stop();
        NodeCpuBudget budget = budgets.remove(node);
        if (budget != null) {
            budget.remove();
        }
    }

    private static void recreate(String server, String database, boolean create) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            if (create) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }
}
