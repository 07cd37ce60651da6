package org.anzexian.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.anzexian.claim.ClaimHandlingProcess;
import org.anzexian.support.AppNode;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.EngineDoors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Figure 3 of #15: accident reports started per second through {@code POST /api/claims} and through the
 * Tasklist's start form ({@code submit-form}, as the embedded form {@code forms/claimReportStart.html}
 * posts it), at 1, 8 and 32 concurrent clients, against the bare engine's start rate: the report's shape without
 * our work ({@code bench/starts/benchBareReport.bpmn}, the goal's baseline, as the storm has its bare escalation)
 * and a model of a start form of one field and one user task ({@code bench/starts/benchBareStart.bpmn}), both
 * started through {@code /engine-rest} as the administrator on the same node, and — for scale — the one-task
 * model in-process with {@code RuntimeService} in the loader. Options: {@code --clients=1,8,32}, {@code --starts-seconds=13}
 * (measured per repetition and door), {@code --starts-warmup=3} (before each measurement),
 * {@code --starts-node-warmup=15} (each HTTP door once at 8 clients before the first repetition, unmeasured: the
 * fresh node's JIT), {@code --starts-in-process=true}, {@code --starts-projects=32} (insured projects, default the
 * largest client count: each client reports on a project of its own, as accidents come from many sites; reports on
 * one project wait for each other's commit, their archive being one hash chain).
 */
final class StartRate implements BenchPart {

    static final String BARE_KEY = "benchBareStart";
    /** The doors in the order of repetition {@code rep}: rotated by one each time, so no door is always first. */
    private static List<Map.Entry<String, Door>> inTurn(Map<String, Door> doors, int rep) {
        List<Map.Entry<String, Door>> order = new ArrayList<>(doors.entrySet());
        Collections.rotate(order, -(rep - 1));
        return order;
    }

    private static final String BARE_RESOURCE = "bench/starts/benchBareStart.bpmn";
    /** The report's shape without our work: the goal's baseline, as the storm has its bare escalation. */
    static final String BARE_REPORT_KEY = "benchBareReport";
    private static final String BARE_REPORT_RESOURCE = "bench/starts/benchBareReport.bpmn";
    private static final String BARE_ONE_TASK = "bare one-task";
    private static final String BARE_REPORT = "bare report shape";
    private static final String BARE_FORM_RESOURCE = "bench/starts/benchBareStartForm.form";
    /** The goal of #15: starts through {@code /api} at least this share of the bare engine's. */
    private static final double API_SHARE_GOAL = 0.70;
    /** A node's job executor must have run the starts' asynchronous steps before the next door is measured. */
    private static final Duration JOB_DRAIN_BOUND = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Override
    public String name() {
        return "starts";
    }

    /** One way in: a client per thread, each answering null for a start that succeeded or why it failed. */
    private interface Door {
        String label();

        Client client() throws Exception;
    }

    private interface Client {
        /** Starts one instance; null when it succeeded, else what was answered. */
        String start() throws Exception;
    }

    /** A construction unit's login and the policy it reports on. */
    private record Reporter(String user, String policyNumber) {
    }

    /** Hands the reporters out to a door's clients in turn, so that the first clients of a measurement differ. */
    private static final class Reporters {
        private final List<Reporter> all;
        private final AtomicInteger next = new AtomicInteger();

        Reporters(List<Reporter> all) {
            this.all = all;
        }

        Reporter next() {
            return all.get(Math.floorMod(next.getAndIncrement(), all.size()));
        }
    }

    /** {@code started} in the window, {@code startedInAll} with the warm-up and the starts answered after it. */
    private record Measured(double rate, int started, int startedInAll, int failed, String firstFailure,
            double p50Millis, double p95Millis, double cpuMillisPerStart) {
    }

    @Override
    public void run(BenchRun run, Report report) throws Exception {
        int seconds = run.intOption("starts-seconds", 13);
        int warmup = run.intOption("starts-warmup", 3);
        int nodeWarmup = run.intOption("starts-node-warmup", 15);
        int reps = run.intOption("reps", 3);
        List<Integer> clientCounts = Arrays.stream(run.options.getOrDefault("clients", "1,8,32").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        boolean inProcess = Boolean.parseBoolean(run.options.getOrDefault("starts-in-process", "true"));

        // the loader runs the fixture's own jobs; a node left running by the storm would race it for them
        run.nodes(0);
        // each client reports on a project of its own: a project's archive is one hash chain, and reports on one
        // project wait for each other's commit (ServiceArchive), as the storm spreads its hazards for the same reason
        int projectCount = run.intOption("starts-projects", clientCounts.stream().max(Integer::compare).orElse(1));
        InsuredProjects fixture = new InsuredProjects(run.loader);
        List<Reporter> reporters = new ArrayList<>();
        for (int i = 0; i < projectCount; i++) {
            InsuredProjects.InsuredProject insured = fixture.insured();
            reporters.add(new Reporter(insured.builder().user(), insured.policy().policyNumber()));
        }
        RepositoryService repository = run.bean(RepositoryService.class);
        repository.createDeployment().name("bench " + BARE_KEY)
                .addInputStream(BARE_RESOURCE, resource(BARE_RESOURCE))
                .addInputStream(BARE_REPORT_RESOURCE, resource(BARE_REPORT_RESOURCE))
                .addInputStream(BARE_FORM_RESOURCE, resource(BARE_FORM_RESOURCE))
                .deploy();
        String claimDefinitionId = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ClaimHandlingProcess.KEY).latestVersion().singleResult().getId();
        AppNode node = run.nodes(1).get(0);
        Clock clock = run.bean(Clock.class);
        long nodePid = pidListeningOn(node.port);
        report.line("starts: one node (%s), %d insured projects, client i reporting as the construction unit of "
                + "project i mod %d on its policy (password = login; first: %s on %s); "
                + "%d s measured after %d s warm-up per door, client count and repetition; doors interleaved within "
                + "each repetition, each repetition starting with the next door (the fifth run's first repetition measured "
                + "its first doors at about twice the CPU per start of the later ones); the node's job executor runs each door's asynchronous steps (the report's "
                + "announcement) to the end before the next door is measured", node.baseUrl(), projectCount, projectCount,
                reporters.get(0).user(), reporters.get(0).policyNumber(), seconds, warmup);
        report.line("starts: %s = model %s (start form of one text field → one user task, no delegate, no "
                + "listener); %s = model %s (the report's shape: start form → service task doing nothing → "
                + "asynchronous service task doing nothing → user task of a candidate group with a 24 h timer), the "
                + "goal's baseline; both POST /engine-rest/process-definition/key/…/start as administrator %s (HTTP "
                + "Basic) on the same node, through the same authentication and door guard%s", BARE_ONE_TASK, BARE_KEY,
                BARE_REPORT, BARE_REPORT_KEY, AppNode.ADMIN_USER, inProcess ? "; in-process = the one-task model "
                        + "started with RuntimeService in the loader JVM (pool of 12 connections), no HTTP, no "
                        + "authentication" : "");

        Map<String, Door> doors = new LinkedHashMap<>();
        doors.put("/api", apiDoor(node, reporters, clock));
        doors.put("Tasklist", tasklistDoor(node, reporters, claimDefinitionId, clock));
        doors.put(BARE_ONE_TASK, bareEngineRestDoor(node, BARE_ONE_TASK, BARE_KEY));
        doors.put(BARE_REPORT, bareEngineRestDoor(node, BARE_REPORT, BARE_REPORT_KEY));
        if (inProcess) {
            doors.put("bare in-process", bareInProcessDoor(run.bean(RuntimeService.class)));
        }

        // a fresh node compiles its code during the first starts: one unmeasured round before the first repetition,
        // which also counts each door's statements per start where the server can (pg_stat_statements)
        Optional<StatementCounts> statements = StatementCounts.of(run.jdbc());
        if (statements.isEmpty() && nodeWarmup > 0) {
            report.line("starts: statements per start not counted: the server does not load pg_stat_statements "
                    + "(shared_preload_libraries)");
        }
        for (Map.Entry<String, Door> door : doors.entrySet()) {
            if (!door.getKey().contains("in-process") && nodeWarmup > 0) {
                statements.ifPresent(StatementCounts::reset);
                Measured warm = measure(door.getValue(), 8, Duration.ZERO, Duration.ofSeconds(nodeWarmup), nodePid, 0);
                awaitJobsDrained(run);
                report.line("starts: node warm-up, %s at 8 clients for %d s: %.1f starts/s, %d failed", door.getKey(),
                        nodeWarmup, warm.rate(), warm.failed());
                if (statements.isPresent()) {
                    report.line("starts: %s, statements to the database with its asynchronous steps: %s",
                            door.getKey(), statements.get().perItem(warm.startedInAll(), 30));
                }
                if (warm.failed() > 0) {
                    throw new IllegalStateException("starts fail already in the warm-up: " + warm.firstFailure());
                }
            }
        }
        long idleFrom = cpuMillis(nodePid);
        Thread.sleep(5000);
        double idleCpuPerSecond = (cpuMillis(nodePid) - idleFrom) / 5.0;
        report.line("starts: the idle node uses %.0f ms CPU per second (job acquisition, JIT, GC); the per-start CPU "
                + "figures below are of the serving JVM during the window, less that", idleCpuPerSecond);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        int failures = 0;
        List<String> failureSamples = new ArrayList<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (int clients : clientCounts) {
                report.line("%s", run.vacuumAnalyze());
                for (Map.Entry<String, Door> door : inTurn(doors, rep)) {
                    long serving = door.getKey().contains("in-process") ? ProcessHandle.current().pid() : nodePid;
                    Measured measured = measure(door.getValue(), clients, Duration.ofSeconds(warmup),
                            Duration.ofSeconds(seconds), serving, serving == nodePid ? idleCpuPerSecond : 0);
                    double drained = awaitJobsDrained(run);
                    run.checkNodes();
                    rates.computeIfAbsent(key(door.getKey(), clients), k -> new ArrayList<>()).add(measured.rate());
                    cpu.computeIfAbsent(key(door.getKey(), clients), k -> new ArrayList<>())
                            .add(measured.cpuMillisPerStart());
                    failures += measured.failed();
                    if (measured.firstFailure() != null) {
                        failureSamples.add(door.getKey() + " at " + clients + ": " + measured.firstFailure());
                    }
                    report.line("starts rep %d, %-17s %2d clients: %7.1f starts/s (%d in %d s, %d failed; latency "
                            + "p50 %.0f ms, p95 %.0f ms; %.1f ms CPU of the serving JVM per start; jobs drained %.1f s "
                            + "after)", rep, door.getKey(), clients, measured.rate(), measured.started(), seconds,
                            measured.failed(), measured.p50Millis(), measured.p95Millis(), measured.cpuMillisPerStart(),
                            drained);
                }
            }
        }

        for (int clients : clientCounts) {
            for (String door : doors.keySet()) {
                report.figure(figure(door, clients, rates));
            }
            List<String> cpuPerStart = new ArrayList<>();
            for (String door : doors.keySet()) {
                cpuPerStart.add(door + " " + Figure.number(new Figure(door, "ms", cpu.get(key(door, clients))).median()));
            }
            report.line("starts: CPU ms of the serving JVM per start at %d clients (median): %s", clients,
                    String.join(", ", cpuPerStart));
            Figure api = figure("/api", clients, rates);
            Figure tasklist = figure("Tasklist", clients, rates);
            Figure bare = figure(BARE_REPORT, clients, rates);
            Figure apiShare = share("/api ÷ " + BARE_REPORT + " at " + clients + " clients", api, bare);
            report.figure(apiShare);
            report.figure(share("Tasklist ÷ " + BARE_REPORT + " at " + clients + " clients", tasklist, bare));
            report.figure(share("/api ÷ " + BARE_ONE_TASK + " at " + clients + " clients", api,
                    figure(BARE_ONE_TASK, clients, rates)));
            report.goal("starts through /api ≥ 70 % of the bare engine's (" + clients + " clients; bare = the "
                    + "report's shape via /engine-rest on the same node)", "≥ " + Math.round(API_SHARE_GOAL * 100) + " %",
                    Report.spread(apiShare) + "; /api " + Report.spread(api) + " vs bare " + Report.spread(bare),
                    apiShare.median() >= API_SHARE_GOAL * 100);
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " starts failed; first of each measurement: "
                    + String.join("\n", failureSamples));
        }
    }

    private static String key(String door, int clients) {
        return door + "@" + clients;
    }

    private static Figure figure(String door, int clients, Map<String, List<Double>> rates) {
        return new Figure("starts " + door + " at " + clients + " clients", "starts/s", rates.get(key(door, clients)));
    }

    /** Per repetition, as the doors of one repetition ran side by side: the machine's drift cancels out. */
    private static Figure share(String name, Figure part, Figure whole) {
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < part.values().size(); i++) {
            shares.add(100 * part.values().get(i) / whole.values().get(i));
        }
        return new Figure(name, "%", shares);
    }

    /**
     * Runs {@code clients} threads, each starting instances one after the other; counts the starts that
     * end within the measured window after the warm-up. A failure anywhere, warm-up included, counts.
     */
    private static Measured measure(Door door, int clients, Duration warmup, Duration window, long servingPid,
            double idleCpuPerSecond) throws Exception {
        List<Client> started = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            started.add(door.client());
        }
        long begin = System.nanoTime() + 50_000_000L;
        long from = begin + warmup.toNanos();
        long until = from + window.toNanos();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger succeededInAll = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (Client client : started) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < begin) {
                    Thread.onSpinWait();
                }
                while (System.nanoTime() < until) {
                    long sent = System.nanoTime();
                    String failure;
                    try {
                        failure = client.start();
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    long answered = System.nanoTime();
                    if (failure != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    } else {
                        succeededInAll.incrementAndGet();
                        if (answered >= from && answered <= until) {
                            succeeded.incrementAndGet();
                            latencies.add(answered - sent);
                        }
                    }
                }
            }, "bench-start-client");
            thread.start();
            threads.add(thread);
        }
        sleepUntil(from);
        long cpuFrom = cpuMillis(servingPid);
        sleepUntil(until);
        long cpuUntil = cpuMillis(servingPid);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(120).toMillis() + (until - System.nanoTime()) / 1_000_000L);
            if (thread.isAlive()) {
                throw new IllegalStateException("a client of " + door.label() + " did not end 120 s after the window");
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Measured(succeeded.get() / (window.toNanos() / 1e9), succeeded.get(), succeededInAll.get(),
                failed.get(),
                firstFailure.get(), percentileMillis(sorted, 50), percentileMillis(sorted, 95),
                succeeded.get() == 0 ? Double.NaN
                        : (cpuUntil - cpuFrom - idleCpuPerSecond * window.toNanos() / 1e9) / succeeded.get());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000L));
        }
    }

    /** CPU time (user and system) the process used so far, from /proc (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, utime 14 and stime 15 of proc(5)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's JVM: AppNode keeps its process to itself, its command line names the port. */
    private static long pidListeningOn(int port) {
        String argument = "--server.port=" + port;
        return ProcessHandle.current().children().filter(child -> {
            try {
                return Arrays.asList(Files.readString(Path.of("/proc", String.valueOf(child.pid()), "cmdline"))
                        .split("\0")).contains(argument);
            } catch (IOException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new IllegalStateException("no node JVM on port " + port)).pid();
    }

    private static double percentileMillis(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** Waits until no job is due (the reports' announcements); answers how long that took, in seconds. */
    private static double awaitJobsDrained(BenchRun run) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + JOB_DRAIN_BOUND.toNanos();
        while (true) {
            Integer due = run.jdbc().queryForObject("SELECT count(*) FROM act_ru_job WHERE retries_ > 0 "
                    + "AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= ?)", Integer.class,
                    new Timestamp(System.currentTimeMillis()));
            if (due == null || due == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(due + " jobs still due " + JOB_DRAIN_BOUND.toSeconds()
                        + " s after a measurement: the node's job executor does not keep up");
            }
            Thread.sleep(250);
        }
    }

    /**
     * {@code POST /api/claims} as the construction unit (HTTP Basic, as an integration calls it), the
     * accident two hours ago, no photo (photos are optional; an upload would measure the file store).
     */
    private static Door apiDoor(AppNode node, List<Reporter> reporters, Clock clock) {
        Reporters turns = new Reporters(reporters);
        return new Door() {
            @Override
            public String label() {
                return "/api";
            }

            @Override
            public Client client() {
                Reporter reporter = turns.next();
                String authorization = "Basic " + Base64.getEncoder()
                        .encodeToString((reporter.user() + ":" + reporter.user()).getBytes(StandardCharsets.UTF_8));
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI claims = URI.create(node.baseUrl() + "/api/claims");
                return () -> {
                    ObjectNode body = JSON.createObjectNode()
                            .put("policyNumber", reporter.policyNumber())
                            .put("accidentAt", InsuredProjects.recentAccident(clock).truncatedTo(ChronoUnit.SECONDS)
                                    .toString())
                            .put("place", "3号楼脚手架")
                            .put("accidentType", "FALL_FROM_HEIGHT")
                            .put("deaths", 0)
                            .put("injuries", 1)
                            .put("description", "作业人员从脚手架坠落，右腿骨折，已送医")
                            .put("reporterName", "李安全")
                            .put("reporterPhone", "13900000000")
                            .put("reporterEmail", "report@bench.anzexian.local");
                    body.putArray("photos");
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(claims)
                            .header("Content-Type", "application/json").header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 201 ? null : response.statusCode() + " " + response.body();
                };
            }
        };
    }

    /**
     * The Tasklist's start dialog: each client logs in (its own session) before the clock starts, then
     * posts {@code submit-form} with the variables the embedded form {@code claimReportStart.html} sends —
     * the {@code datetime-local} accident time, the casualties as Integer, the three photo inputs left
     * empty as the Tasklist posts them (a File of no name and no content), the policy its script sets.
     * The form's loading (its HTML, {@code form-variables}, the policy list) is not measured.
     */
    private static Door tasklistDoor(AppNode node, List<Reporter> reporters, String definitionId, Clock clock) {
        EngineDoors doors = new EngineDoors(node.port);
        Reporters turns = new Reporters(reporters);
        return new Door() {
            @Override
            public String label() {
                return "Tasklist";
            }

            @Override
            public Client client() {
                Reporter reporter = turns.next();
                EngineDoors.User tasklist = doors.as(EngineDoors.Door.TASKLIST_API, reporter.user(), reporter.user());
                String path = "/process-definition/" + definitionId + "/submit-form";
                return () -> {
                    ObjectNode variables = JSON.createObjectNode();
                    text(variables, "accidentAt", InsuredProjects.recentAccident(clock)
                            .atZoneSameInstant(clock.getZone()).format(DATETIME_LOCAL));
                    text(variables, "place", "3号楼脚手架");
                    text(variables, "accidentType", "FALL_FROM_HEIGHT");
                    variables.putObject("deaths").put("value", 0).put("type", "Integer");
                    variables.putObject("injuries").put("value", 1).put("type", "Integer");
                    text(variables, "description", "作业人员从脚手架坠落，右腿骨折，已送医");
                    for (String photo : List.of("photo1", "photo2", "photo3")) {
                        ObjectNode file = variables.putObject(photo).put("value", "").put("type", "File");
                        file.putObject("valueInfo").put("filename", "");
                    }
                    text(variables, "reporterName", "李安全");
                    text(variables, "reporterPhone", "13900000000");
                    text(variables, "reporterEmail", "report@bench.anzexian.local");
                    text(variables, "policyNumber", reporter.policyNumber());
                    EngineDoors.Answer answer = tasklist.post(path, JSON.createObjectNode().set("variables", variables));
                    return answer.status() == 200 ? null : answer.status() + " " + answer.body();
                };
            }
        };
    }

    private static void text(ObjectNode variables, String name, String value) {
        variables.putObject(name).put("value", value).put("type", "String");
    }

    private static Door bareEngineRestDoor(AppNode node, String label, String key) {
        EngineDoors doors = new EngineDoors(node.port);
        return new Door() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Client client() {
                EngineDoors.User admin = doors.as(EngineDoors.Door.ENGINE_REST, AppNode.ADMIN_USER, AppNode.ADMIN_PASSWORD);
                return () -> {
                    EngineDoors.Answer answer = admin.start(key, null, Map.of("note", "基准"));
                    return answer.status() == 200 ? null : answer.status() + " " + answer.body();
                };
            }
        };
    }

    private static Door bareInProcessDoor(RuntimeService runtime) {
        return new Door() {
            @Override
            public String label() {
                return "bare in-process";
            }

            @Override
            public Client client() {
                return () -> {
                    runtime.startProcessInstanceByKey(BARE_KEY, Map.of("note", "基准"));
                    return null;
                };
            }
        };
    }

    private static InputStream resource(String name) {
        InputStream in = StartRate.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no resource " + name + " on the class path");
        }
        return in;
    }
}
