package org.anzexian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.AppNode;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figure 4 of #15: a busy Tasklist. 100,000 open tasks over 2,000 organizations (and the 16 county
 * authorities and the city bureau), authorizations on; a county user ({@code xinfu}) and an insurer user
 * ({@code picc}) log into the Tasklist and ask what the Tasklist asks: every filter's count (our
 * anzexian-tasklist.js, {@code GET filter?itemCount=true}), one filter's count, and one filter's first page
 * ({@code POST filter/{id}/list}, HAL, as the Tasklist sends it) — for 本组待办 and 已逾期, timed one after
 * the other, p50 and p95 per repetition. The counts are checked against SQL over the engine's tables.
 *
 * <p>What decides the figures: Camunda's default check of task authorizations ({@code auto}, without revoke
 * authorizations in the database) joins every candidate task with every authorization row of the user's
 * groups — one row per open task of the group — so each filter costs the product of the two (about 1 s at
 * 100,000 tasks). {@code camunda.bpm.authorization.authorization-check-revokes=always} checks each task by
 * index instead; try a setting with {@code --node-arg="--camunda.bpm.authorization.authorization-check-revokes=always"}.
 *
 * <p>Options: {@code --tasks=100000}, {@code --organizations=2000}, {@code --requests=50},
 * {@code --warmup=10}, {@code --load-threads=3} (threads starting the tasks).
 */
final class BusyTasklist implements BenchPart {

    static final String GOAL_MS = "300";
    private static final String MODEL = "bench/tasklist/benchTask.bpmn";
    private static final String FORM = "bench/tasklist/benchTaskForm.form";
    private static final String PROCESS_KEY = "benchTask";
    private static final int TASKS_PER_TRANSACTION = 500;
    private static final List<String> MEASURED_FILTERS = List.of("本组待办", "已逾期");
    private static final List<String> MEASURED_USERS = List.of("xinfu", "picc");
    private static final Actor LOADER = new Actor("benchLoader", Set.of(PlatformGroups.ADMIN));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the Tasklist posts for a filter's first page (taskListQuery of camunda-tasklist-bootstrap.js 7.24). */
    private static final String FIRST_PAGE_BODY = "{\"processVariables\":[],\"taskVariables\":[],"
            + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

    @Override
    public String name() {
        return "tasklist";
    }

    @Override
    public void run(BenchRun run, Report report) throws Exception {
        report.line("load average before loading: %s", loadAverage());
        Population population = load(run, report);
        JdbcTemplate jdbc = run.jdbc();
        report.line("%s", run.vacuumAnalyze());
        AppNode node = run.nodes(1).get(0);
        List<Person> people = List.of(
                new Person("xinfu", "county 忻府区"),
                new Person("picc", "insurer picc"));
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (Person person : people) {
            Session session = new Session(node.baseUrl(), person.login, person.login);
            sessions.put(person.login, session);
            check(jdbc, session, person, population, report);
        }
        int reps = run.intOption("reps", 3);
        int requests = run.intOption("requests", 50);
        int warmup = run.intOption("warmup", 10);
        report.line("load average before measuring: %s", loadAverage());
        Map<String, List<Double>> p95s = new LinkedHashMap<>();
        Map<String, List<Double>> p50s = new LinkedHashMap<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (Person person : people) {
                Session session = sessions.get(person.login);
                for (Probe probe : probes(session)) {
                    String name = person.login + " (" + person.who + ") " + probe.name;
                    for (int i = 0; i < warmup; i++) {
                        probe.call(session);
                    }
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        long started = System.nanoTime();
                        probe.call(session);
                        millis.add((System.nanoTime() - started) / 1e6);
                    }
                    Figure one = new Figure(name, "ms", millis);
                    p95s.computeIfAbsent(name, key -> new ArrayList<>()).add(one.percentile(95));
                    p50s.computeIfAbsent(name, key -> new ArrayList<>()).add(one.percentile(50));
                    report.line("rep %d %s: p50 %s ms, p95 %s ms, max %s ms", rep, name, Figure.number(one.percentile(50)),
                            Figure.number(one.percentile(95)), Figure.number(one.max()));
                }
            }
            run.checkNodes();
        }
        report.line("load average after measuring: %s", loadAverage());
        Figure worst = null;
        for (String name : p95s.keySet()) {
            Figure p95 = new Figure("tasklist " + name + " p95", "ms", p95s.get(name));
            report.figure(p95);
            report.figure(new Figure("tasklist " + name + " p50", "ms", p50s.get(name)));
            if (worst == null || p95.median() > worst.median()) {
                worst = p95;
            }
        }
        report.goal("Tasklist filter p95 at " + String.format(Locale.ROOT, "%,d", population.tasks)
                + " open tasks (worst: " + worst.name().replace("tasklist ", "") + ")", "< " + GOAL_MS + " ms",
                Report.spread(worst), worst.median() < Double.parseDouble(GOAL_MS));
    }

    private record Person(String login, String who) {
    }

    /** One request the Tasklist makes; {@code call} fails on anything but 200. */
    private record Probe(String name, java.util.function.Consumer<Session> request) {
        void call(Session session) {
            request.accept(session);
        }
    }

    private static List<Probe> probes(Session session) {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("all filter counts", s -> s.get("/filter?resourceType=Task&itemCount=true")));
        for (String filter : MEASURED_FILTERS) {
            String id = session.filterIds.get(filter);
            probes.add(new Probe(filter + " count", s -> s.get("/filter/" + id + "/count")));
            probes.add(new Probe(filter + " first page", s -> s.firstPage(id)));
        }
        return probes;
    }

    // ---- the load ----------------------------------------------------------------------------------------

    /** The groups tasks are offered to, by kind, and how many tasks were started. */
    private record Population(List<String> counties, List<String> insurers, List<String> serviceOrgs,
            List<String> builders, Map<String, String> measuredClerks, int tasks) {
    }

    private Population load(BenchRun run, Report report) throws Exception {
        int organizations = run.intOption("organizations", 2000);
        int tasks = run.intOption("tasks", 100_000);
        int threads = run.intOption("load-threads", 3);
        long started = System.nanoTime();
        OrganizationService registry = run.bean(OrganizationService.class);
        JdbcTemplate jdbc = run.jdbc();
        List<String> areas = jdbc.queryForList(
                "SELECT code FROM jurisdiction WHERE parent_code IS NOT NULL ORDER BY sort_order", String.class);
        // the county authorities the demo data left out, so that each of the 16 areas has its group
        List<NewOrganization> requests = new ArrayList<>();
        int serial = 0;
        for (String area : areas) {
            if (!registry.findByGroup(PlatformGroups.county(area)).isPresent()) {
                requests.add(new NewOrganization(OrganizationType.BUREAU, "基准测试" + area + "住建局",
                        creditCode("1114", ++serial), null, "局长", null, null, area, PlatformGroups.county(area)));
            }
        }
        int insurers = Math.max(1, organizations / 50);
        int serviceOrgs = Math.max(1, organizations * 2 / 25);
        int builders = organizations - requests.size() - insurers - serviceOrgs;
        int bureaus = requests.size();
        for (int i = 0; i < organizations - bureaus; i++) {
            OrganizationType type = i < insurers ? OrganizationType.INSURER
                    : i < insurers + serviceOrgs ? OrganizationType.SERVICE_ORG : OrganizationType.CONSTRUCTION_UNIT;
            requests.add(new NewOrganization(type, "基准测试" + type.label() + (i + 1), creditCode("9114", ++serial),
                    null, "负责人" + (i + 1), null, "0350-0000000", areas.get(i % areas.size()), null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // one after the other: each registration rewrites the role's Tasklist filters (GroupDirectory), so
            // concurrent ones collide on them
            AtomicInteger retries = new AtomicInteger();
            for (NewOrganization request : requests) {
                register(registry, request, retries);
            }
            report.line("registered %d organizations (%d insurers, %d service orgs, %d construction units, rest county "
                    + "authorities) through OrganizationService in %.0f s (%d retried after an optimistic lock)",
                    requests.size(), insurers, serviceOrgs, builders, (System.nanoTime() - started) / 1e9, retries.get());

            List<String> counties = groups(jdbc, "county");
            Map<String, String> measuredClerks = new HashMap<>();
            for (String login : MEASURED_USERS) {
                jdbc.queryForList("SELECT group_id_ FROM act_id_membership WHERE user_id_ = ?", String.class, login)
                        .forEach(group -> measuredClerks.put(group, login));
            }
            Population population = new Population(counties, groups(jdbc, "insurer"), groups(jdbc, "serviceOrg"),
                    groups(jdbc, "builder"), measuredClerks, tasks);
            long tasksStarted = System.nanoTime();
            deploy(run);
            int batches = (tasks + TASKS_PER_TRANSACTION - 1) / TASKS_PER_TRANSACTION;
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger finished = new AtomicInteger();
            for (int batch = 0; batch < batches; batch++) {
                int first = batch * TASKS_PER_TRANSACTION;
                int count = Math.min(TASKS_PER_TRANSACTION, tasks - first);
                done.add(pool.submit(() -> {
                    startBatch(run, population, first, count);
                    int now = finished.incrementAndGet();
                    if (now % 20 == 0) {
                        report.line("  %d tasks started, %.0f per second", now * TASKS_PER_TRANSACTION,
                                now * TASKS_PER_TRANSACTION / ((System.nanoTime() - tasksStarted) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> one : done) {
                one.get();
            }
            report.line("started %d tasks in %.0f s; load took %.0f s in all; %s", tasks,
                    (System.nanoTime() - tasksStarted) / 1e9, (System.nanoTime() - started) / 1e9, counts(jdbc));
            return population;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void register(OrganizationService registry, NewOrganization request, AtomicInteger retries) {
        for (int attempt = 1;; attempt++) {
            try {
                registry.register(LOADER, request);
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == 5) {
                    throw e;
                }
                retries.incrementAndGet();
            }
        }
    }

    private static String creditCode(String prefix, int serial) {
        return CreditCode.withCheckCharacter(prefix + "BN" + String.format(Locale.ROOT, "%011d", serial));
    }

    private static List<String> groups(JdbcTemplate jdbc, String type) {
        return jdbc.queryForList("SELECT id_ FROM act_id_group WHERE type_ = ? ORDER BY id_", String.class, type);
    }

    private static void deploy(BenchRun run) throws IOException {
        try (InputStream model = BusyTasklist.class.getClassLoader().getResourceAsStream(MODEL)) {
            run.bean(RepositoryService.class).createDeployment().name("bench-tasklist")
                    .addInputStream(MODEL, model).addClasspathResource(FORM).deploy();
        }
    }

    /**
     * One transaction of starts. The shares follow our models: insurers have most steps (12 of the user
     * tasks), then construction units, county authorities, service organizations, the city bureau; a
     * quarter is overdue, some are due within the day, a tenth is claimed.
     */
    private static void startBatch(BenchRun run, Population population, int first, int count) {
        RuntimeService runtime = run.bean(RuntimeService.class);
        new TransactionTemplate(run.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            for (int n = first; n < first + count; n++) {
                Random random = new Random(n);
                int kind = random.nextInt(100);
                List<String> pool = kind < 35 ? population.insurers : kind < 65 ? population.builders
                        : kind < 80 ? population.counties : kind < 95 ? population.serviceOrgs : List.of("cityBureau");
                String group = pool.get(random.nextInt(pool.size()));
                Instant now = Instant.now();
                int due = random.nextInt(100);
                Date dueAt = due < 25 ? Date.from(now.minus(Duration.ofMinutes(60 + random.nextInt(30 * 24 * 60))))
                        : due < 35 ? Date.from(now.plus(Duration.ofMinutes(120 + random.nextInt(22 * 60))))
                        : due < 85 ? Date.from(now.plus(Duration.ofMinutes(26 * 60 + random.nextInt(30 * 24 * 60))))
                        : null;
                // a claimed task: by a clerk of the group; one in three of those by the measured demo users
                String assignee = random.nextInt(10) == 0 ? clerkOf(population, group, random) : null;
                Map<String, Object> variables = new HashMap<>();
                variables.put("taskGroup", group);
                variables.put("assignee", assignee);
                variables.put("dueAt", dueAt);
                variables.put(TasklistFilters.CASE_SUMMARY, String.format(Locale.ROOT,
                        "基准测试事项 BT-%06d · 隐患整改 · 一般隐患", n));
                runtime.startProcessInstanceByKey(PROCESS_KEY, "BT-" + n, variables);
            }
        });
    }

    private static String clerkOf(Population population, String group, Random random) {
        String measured = population.measuredClerks.get(group);
        if (measured != null && random.nextInt(3) == 0) {
            return measured;
        }
        return group + "clerk" + random.nextInt(3);
    }

    private static String counts(JdbcTemplate jdbc) {
        StringBuilder counts = new StringBuilder();
        for (String table : List.of("organization", "act_id_group", "act_ru_task", "act_ru_identitylink",
                "act_ru_authorization", "act_ru_variable", "act_hi_taskinst")) {
            counts.append(table).append('=').append(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .append(' ');
        }
        return counts.toString().strip();
    }

    // ---- what each user should see -------------------------------------------------------------------------

    /** Compares what the Tasklist answers with SQL over the engine's tables; a difference is a bug. */
    private static void check(JdbcTemplate jdbc, Session session, Person person, Population population, Report report) {
        List<String> groups = jdbc.queryForList("SELECT group_id_ FROM act_id_membership WHERE user_id_ = ?",
                String.class, person.login);
        String in = String.join(",", Collections.nCopies(groups.size(), "?"));
        List<Object> args = new ArrayList<>(groups);
        long groupTasks = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task t WHERE t.assignee_ IS NULL AND EXISTS "
                + "(SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IN ("
                + in + "))", Long.class, args.toArray());
        args.add(0, person.login);
        long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task t WHERE t.due_date_ < now() AND "
                + "(t.assignee_ = ? OR (t.assignee_ IS NULL AND EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE "
                + "l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IN (" + in + "))))", Long.class,
                args.toArray());
        Map<String, Long> expected = Map.of("本组待办", groupTasks, "已逾期", overdue);
        JsonNode filters = session.json(session.get("/filter?resourceType=Task&itemCount=true"));
        Map<String, Long> shown = new LinkedHashMap<>();
        for (JsonNode filter : filters) {
            shown.put(filter.path("name").asText(), filter.path("itemCount").asLong());
            session.filterIds.put(filter.path("name").asText(), filter.path("id").asText());
        }
        for (String filter : MEASURED_FILTERS) {
            String id = session.filterIds.get(filter);
            if (id == null) {
                throw new IllegalStateException(person.login + " does not see the filter " + filter + ": " + shown);
            }
            long count = session.json(session.get("/filter/" + id + "/count")).path("count").asLong();
            JsonNode page = session.json(session.firstPage(id));
            long pageCount = page.path("count").asLong();
            int items = page.path("_embedded").path("task").size();
            boolean right = count == expected.get(filter) && shown.get(filter) == count && pageCount == count
                    && items == Math.min(15, count);
            report.line("%s %s (groups %s): SQL %d, Tasklist counts %d / %d / %d, first page %d tasks — %s",
                    person.login, filter, groups, expected.get(filter), shown.get(filter), count, pageCount, items,
                    right ? "right" : "WRONG COUNT (a bug)");
        }
        report.line("%s sees %s", person.login, shown);
    }

    // ---- a Tasklist session --------------------------------------------------------------------------------

    /** A user logged into the Tasklist: its session cookie and CSRF token, as the browser holds them. */
    private static final class Session {
        private static final String ENGINE = "/camunda/api/engine/engine/default";
        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;
        final Map<String, String> filterIds = new HashMap<>();

        Session(String base, String user, String password) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET(), 200);
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", xsrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))), 200);
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET(), 200);
        }

        String get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + ENGINE + path))
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", xsrfToken()).GET(), 200);
        }

        String firstPage(String filterId) {
            return send(HttpRequest.newBuilder(URI.create(base + ENGINE + "/filter/" + filterId
                            + "/list?firstResult=0&maxResults=15"))
                    .header("Accept", "application/hal+json, application/json; q=0.5")
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", xsrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(FIRST_PAGE_BODY)), 200);
        }

        JsonNode json(String body) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        private String xsrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("the webapps set no XSRF-TOKEN cookie"));
        }

        private String send(HttpRequest.Builder request, int expected) {
            try {
                HttpResponse<String> response = client.send(request.timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != expected) {
                    throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
