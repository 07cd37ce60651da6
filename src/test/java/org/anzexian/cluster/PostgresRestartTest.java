package org.anzexian.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ArchiveVerification;
import org.anzexian.platform.archive.OrganizationArchive;
import org.anzexian.platform.archive.OrganizationArchiveEntry;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.support.AppNode;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.OwnPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL restarted under load (#15): one application node (a separate JVM) on a PostgreSQL server of the
 * test's own ({@link OwnPostgres}; the shared server on 5432 is never touched), busy with a storm of overdue
 * hazard escalations (jobs executing) and with concurrent accident reports through {@code POST /api/claims}
 * (each writes the claim, its archive entry and a {@code claimHandling} instance in one transaction). While both
 * run, the server is stopped in mode <b>immediate</b> — every server process killed at once, as in a crash:
 * connections cut mid-statement and mid-commit, no checkpoint, WAL recovery at the next start; the harder case
 * than a fast shutdown, which rolls transactions back and says goodbye — held down for {@link #DOWNTIME} (so
 * requests also arrive while there is no database at all) and started again.
 *
 * <p>Then, on the database: each request answered either 2xx, and its claim exists whole (row, archive entry,
 * process instance, the insurer's task once its job ran), or a clean error (503, Retry-After, our JSON error, no
 * stack trace) saying nothing was saved, and nothing of it exists — or, where the connection broke during the
 * commit, saying that it may have been saved, and then it exists whole or not at all; none went unanswered (client timeout {@link #REQUEST_TIMEOUT}). The node
 * serves again (a new report succeeds). Every hazard of the storm escalated exactly once; no incident, no job
 * with a failure or spent retries (jobs that lost their connection are retried soon with their retries untouched,
 * {@code ConnectionLossRetryPlugin}: without it some escalations were marked failed and put off by their model's
 * retry interval of 5 minutes); every archive hash chain intact; every outbox delivery sent and its mail received
 * (at least once: a duplicate where a send's recording met the outage is counted and printed).
 *
 * <p>Figures printed ({@code [restart] RESULT}): reports ok and refused, the slowest answer, and after the restart
 * the first escalation (the pool's reconnect back-off, up to 5 s), the storm and the outbox complete.
 * {@code -Danzexian.test.restart.downtime=40} holds the database away longer than the pool's connection timeout
 * (30 s): requests and jobs then fail on the missing connection, too, and must still come out clean.
 *
 * <p>Time as in {@link ClusterPostgresTest}: the hazards are raised with their real deadlines, then the test
 * moves every deadline and overdue timer to now in the database. Tags {@code postgres} and {@code cluster}:
 * needs {@code initdb}/{@code pg_ctl} (skipped without them, except under CI).
 */
@Tag("postgres")
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartTest {

    static final int STORM = Integer.getInteger("anzexian.test.restart.storm", 200);
    /** Concurrent HTTP clients reporting accidents, each one request after the other. */
    static final int CLIENTS = Integer.getInteger("anzexian.test.restart.clients", 8);
    /** How long the database stays away: long enough that requests and job acquisitions meet no server at all. */
    static final Duration DOWNTIME = Duration.ofSeconds(Integer.getInteger("anzexian.test.restart.downtime", 5));
    /** Reports keep coming this long after the database is back: the pool must have healed. */
    static final Duration LOAD_AFTER_RESTART = Duration.ofSeconds(8);
    /** No request may take longer: an unanswered one counts as hung. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Job lock time of the node, as in {@link ClusterPostgresTest} (there: why 15 s is safe here). */
    static final Duration LOCK_TIME = ClusterPostgresTest.LOCK_TIME;
    static final Duration LEASE = ClusterPostgresTest.LEASE;
    static final String BUILDER = "sijian";
    static final String DESCRIPTION = "重启测试报案 ";

    private static final String DATABASE = "anzexian_restart";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path logs = Path.of("target", "restart");
    private OwnPostgres postgres;
    private GreenMail smtp;
    private AppNode node;

    @BeforeAll
    void startPostgres() throws Exception {
        if (!OwnPostgres.available() && System.getenv("CI") != null) {
            throw new IllegalStateException("no initdb/pg_ctl for the restart test, and CI is set");
        }
        Assumptions.assumeTrue(OwnPostgres.available(), "no initdb/pg_ctl: a PostgreSQL server of the test's own"
                + " cannot be run");
        postgres = OwnPostgres.start("restart");
        postgres.createDatabase(DATABASE);
        smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopAll() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void requestsAndJobsSurviveAnImmediateRestartOfTheDatabase() throws Exception {
        long started = System.nanoTime();
        node = AppNode.start("restart", postgres.url(DATABASE), logs, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                Stream.concat(Stream.of("--anzexian.test.cluster.node=restart",
                        "--anzexian.test.cluster.storm=" + STORM,
                        "--anzexian.demo-data.enabled=true",
                        // the demo story insures XF-2025-001 of sijian: the policy the reports name
                        "--anzexian.demo-data.scenario=true",
                        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis()),
                        AppNode.mailInto(smtp.getSmtp().getPort(), LEASE).stream()).toList());
        try {
            run(started);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("===== node log tail (" + node.log + ") =====");
            System.out.println(node.tail(120));
            System.out.println("===== PostgreSQL log tail =====");
            System.out.println(postgres.serverLogTail(40));
            throw e;
        }
    }

    private void run(long started) throws Exception {
        node.awaitLine(ClusterNodeProbe.LOCK_OWNER, Duration.ofSeconds(150));
        node.awaitLine(ClusterNodeProbe.STORM_RAISED, Duration.ofSeconds(120));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String policy = policyOf(http);
        report("node up, %d hazards raised, policy %s, after %d s", STORM, policy, seconds(started));
        assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'timer-transition'"
                + " AND handler_cfg_ LIKE 'Timer_RectificationOverdue%'")).as("overdue timers").isEqualTo(STORM);

        // the load: clients reporting accidents, one report after the other, until told to stop
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (loading.get()) {
                    outcomes.add(reportAccident(http, policy, DESCRIPTION + sequence.incrementAndGet() + " "
                            + UUID.randomUUID().toString().substring(0, 8)));
                }
            });
        }

        // the clock jumps to every hazard's deadline: the storm falls due at once
        long storm = System.nanoTime();
        execute("UPDATE hazard SET deadline_at = now()", "UPDATE hazard_round SET deadline_at = now()",
                "UPDATE act_ru_job SET duedate_ = now() WHERE handler_type_ = 'timer-transition'"
                        + " AND handler_cfg_ LIKE 'Timer_RectificationOverdue%'");

        // restart in the middle: jobs executing, reports in flight
        String escalated = "SELECT COUNT(*) FROM hazard_round WHERE county_escalated_at IS NOT NULL";
        awaitOrFail("a quarter of the storm escalated and reports answered", Duration.ofSeconds(90),
                () -> count(escalated) >= STORM / 4 && successes(outcomes) >= CLIENTS);
        long escalatedAtStop = count(escalated);
        long lockedAtStop = count("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
        int answeredBeforeStop = outcomes.size();
        long unsentAtStop = count("SELECT COUNT(*) FROM notification_delivery WHERE status <> 'SENT'");
        long stopped = System.nanoTime();
        postgres.stop("immediate");
        Thread.sleep(DOWNTIME.toMillis());
        postgres.start();
        long back = System.nanoTime();
        report("database stopped (immediate) after %.1f s of storm: %d of %d escalated, %d jobs locked, %d reports"
                + " answered, %d deliveries waiting; back after %.1f s", (stopped - storm) / 1e9, escalatedAtStop, STORM,
                lockedAtStop, answeredBeforeStop, unsentAtStop, (back - stopped) / 1e9);
        assertThat(escalatedAtStop).as("the restart falls in the middle of the storm").isLessThan(STORM);

        // jobs resume: the first escalation after the restart, then all of them
        long escalatedWhenBack = count(escalated);
        awaitOrFail("escalations resumed", Duration.ofSeconds(60), () -> count(escalated) > escalatedWhenBack);
        double resumed = (System.nanoTime() - back) / 1e9;
        Thread.sleep(Math.max(0, LOAD_AFTER_RESTART.toMillis() - (System.nanoTime() - back) / 1_000_000));
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS))
                .as("every client got its last answer").isTrue();

        // the positive twin: once the database is back, a report goes through
        Outcome afterwards = reportAccident(http, policy, DESCRIPTION + "danach " + UUID.randomUUID());
        assertThat(afterwards.status).as("a report after the restart: " + afterwards).isEqualTo(201);
        outcomes.add(afterwards);

        List<Outcome> succeeded = outcomes.stream().filter(o -> o.status / 100 == 2).toList();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            statuses.merge(outcome.status < 0 ? outcome.error : Integer.toString(outcome.status), 1, Integer::sum);
        }
        report("load over: %d reports, answers %s, slowest %.1f s; first escalation %.1f s after the restart",
                outcomes.size(), statuses, outcomes.stream().mapToLong(o -> o.millis).max().orElse(0) / 1000.0, resumed);
        outcomes.stream().filter(o -> o.status / 100 != 2).limit(3).forEach(o -> report("refused: %s", o));
        String acknowledgements = "SELECT COUNT(*) FROM act_ru_task t JOIN claim c ON c.process_instance_id = t.proc_inst_id_"
                + " WHERE t.task_def_key_ = 'UserTask_Acknowledge'";
        String unsent = "SELECT COUNT(*) FROM notification_delivery WHERE status <> 'SENT'";
        // bound: a job whose failure could not even be recorded while the database was away waits for its lock
        Duration settleBound = LOCK_TIME.plusSeconds(60);
        awaitOrFail("every hazard escalated", settleBound, () -> count(escalated) == STORM);
        double stormComplete = (System.nanoTime() - back) / 1e9;
        long unsentAtStormComplete = count("SELECT COUNT(*) FROM notification_delivery WHERE status <> 'SENT'");
        // every stored report, also one whose answer was lost with its commit's connection
        awaitOrFail("every report at its insurer", settleBound,
                () -> count(acknowledgements) == count("SELECT COUNT(*) FROM claim"));
        double reportsComplete = (System.nanoTime() - back) / 1e9;
        awaitOrFail("every notice sent", settleBound, () -> count(unsent) == 0);
        double complete = (System.nanoTime() - back) / 1e9;

        // each request: succeeded and whole, or refused cleanly and absent
        List<String> problems = new ArrayList<>();
        AtomicInteger savedInDoubt = new AtomicInteger();
        for (Outcome outcome : outcomes) {
            problems.addAll(check(outcome, savedInDoubt));
        }
        int failed = outcomes.size() - succeeded.size();
        report("RESULT mode=immediate downtime=%d s reports=%d ok=%d failed=%d (of them saved, in doubt: %d) statuses=%s"
                        + " slowest=%.1f s"
                        + " escalated-at-stop=%d/%d jobs-locked-at-stop=%d after the restart: first-escalation=%.1f s"
                        + " storm-escalated=%.1f s reports-at-insurer=%.1f s outbox-sent=%.1f s (%d deliveries waiting"
                        + " when the storm was escalated); total=%d s",
                DOWNTIME.toSeconds(), outcomes.size(), succeeded.size(), failed, savedInDoubt.get(), statuses,
                outcomes.stream().mapToLong(o -> o.millis).max().orElse(0) / 1000.0, escalatedAtStop, STORM,
                lockedAtStop, resumed, stormComplete, reportsComplete, complete, unsentAtStormComplete, seconds(started));
        assertThat(problems).as("requests neither whole nor cleanly refused; the node's unhandled failures: %s",
                unhandledFailures()).isEmpty();
        assertThat(failed).as("reports refused: the restart met requests in flight").isPositive();

        // nothing half-written anywhere: no record without its process, no process without its record
        assertThat(count("SELECT COUNT(*) FROM claim c WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p"
                + " WHERE p.proc_inst_id_ = c.process_instance_id AND p.business_key_ = CAST(c.id AS VARCHAR))"))
                .as("claims without their process").isZero();
        assertThat(count("SELECT COUNT(*) FROM act_hi_procinst p WHERE p.proc_def_key_ = 'claimHandling'"
                + " AND NOT EXISTS (SELECT 1 FROM claim c WHERE CAST(c.id AS VARCHAR) = p.business_key_)"))
                .as("claim processes without their claim").isZero();
        assertThat(count("SELECT COUNT(*) FROM claim c WHERE (SELECT COUNT(*) FROM service_archive a WHERE"
                + " a.subject_type = 'CLAIM' AND a.subject_id = c.id AND a.event = 'CLAIM_REPORTED') <> 1"))
                .as("claims without exactly one report archive entry").isZero();
        assertThat(count("SELECT COUNT(*) FROM claim")).as("claims").isEqualTo(succeeded.size() + savedInDoubt.get());
        assertThat(count("SELECT COUNT(*) FROM hazard h WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p"
                + " WHERE p.proc_def_key_ = 'hazardRectification' AND p.business_key_ = CAST(h.id AS VARCHAR))"))
                .as("hazards without their process").isZero();

        // the storm: escalated exactly once
        assertThat(count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'UserTask_CountySupervision'"))
                .as("county tasks").isEqualTo(STORM);
        assertThat(count("SELECT COUNT(*) FROM (SELECT proc_inst_id_ FROM act_ru_task WHERE task_def_key_ ="
                + " 'UserTask_CountySupervision' GROUP BY proc_inst_id_ HAVING COUNT(*) > 1) d"))
                .as("hazards with a duplicate county task").isZero();
        assertThat(count("SELECT COUNT(DISTINCT subject_id) FROM service_archive WHERE subject_type = 'HAZARD'"
                + " AND event = 'ESCALATED_TO_COUNTY'")).as("hazards with an escalation archive entry").isEqualTo(STORM);
        assertThat(count("SELECT COUNT(*) FROM service_archive WHERE subject_type = 'HAZARD'"
                + " AND event = 'ESCALATED_TO_COUNTY'")).as("escalation archive entries").isEqualTo(STORM);
        assertThat(count("SELECT COUNT(*) FROM notification_notice WHERE template_key = '"
                + NoticeTemplates.HAZARD_OVERDUE + "'")).as("overdue notices").isEqualTo(STORM);

        // no incident, no job that failed and waits with its retries spent
        assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
        assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ < 3 OR exception_msg_ IS NOT NULL"))
                .as("jobs that failed (retries spent or an exception recorded)").isZero();
        assertThat(count("SELECT COUNT(*) FROM notification_delivery WHERE status <> 'SENT'"))
                .as("outbox deliveries not sent").isZero();

        // the archive's hash chains verify
        List<String> broken = brokenChains();
        assertThat(broken).as("archive chains broken").isEmpty();

        // every delivery the outbox marked sent arrived; a duplicate only where a send's recording met the outage
        Map<String, Integer> expected = new HashMap<>();
        for (String key : strings("SELECT d.recipient || ' ' || n.subject FROM notification_delivery d"
                + " JOIN notification_notice n ON n.id = d.notice_id")) {
            expected.merge(key.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                received.merge((recipient + " " + message.getSubject()).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> missing = expected.entrySet().stream()
                .filter(e -> received.getOrDefault(e.getKey(), 0) < e.getValue()).map(Map.Entry::getKey).toList();
        int duplicates = received.entrySet().stream()
                .mapToInt(e -> Math.max(0, e.getValue() - expected.getOrDefault(e.getKey(), 0))).sum();
        report("mail: %d deliveries, %d duplicate mails", expected.values().stream().mapToInt(Integer::intValue).sum(),
                duplicates);
        assertThat(missing).as("deliveries marked sent that no mail carried").isEmpty();
    }

    /**
     * The failures the node let through to the container, each with its causes: what a request answered with a
     * bare 500 met (the container logs it with its stack trace).
     */
    private String unhandledFailures() throws Exception {
        List<String> found = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(node.log), StandardCharsets.UTF_8).lines().toList()) {
            if (line.contains("threw exception") || line.startsWith("Caused by:")) {
                found.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
            }
        }
        return found.isEmpty() ? "none logged" : "\n" + String.join("\n", found.subList(0, Math.min(found.size(), 40)));
    }

    /**
     * What is wrong with one request's outcome, judged on the database: answered 2xx and whole; refused as "nothing
     * was saved" and absent; or refused as "may have been saved" (the connection broke during the commit) and
     * either whole or absent — {@code savedInDoubt} counts those found whole.
     */
    private List<String> check(Outcome outcome, AtomicInteger savedInDoubt) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Long> claims = longs("SELECT id FROM claim WHERE description = ?", outcome.description);
        long archived = count("SELECT COUNT(*) FROM service_archive WHERE subject_type = 'CLAIM'"
                + " AND event = 'CLAIM_REPORTED' AND detail LIKE ?", "%" + outcome.description + "%");
        if (outcome.status / 100 == 2) {
            if (claims.size() != 1) {
                problems.add(outcome + ": answered " + outcome.status + " but " + claims.size() + " claims; body '"
                        + outcome.body.substring(0, Math.min(200, outcome.body.length())) + "'");
                return problems;
            }
            long answeredId = JSON.readTree(outcome.body).path("id").asLong(-1);
            if (answeredId != claims.get(0)) {
                problems.add(outcome + ": answered claim " + answeredId + ", stored " + claims.get(0));
            }
            problems.addAll(notWhole(outcome, claims.get(0), archived));
        } else if (outcome.status / 100 == 5) {
            if (!outcome.contentType.startsWith("application/json")) {
                problems.add(outcome + ": refused without a JSON body");
                return problems;
            }
            JsonNode body = JSON.readTree(outcome.body);
            if (body.path("status").asInt() != outcome.status || body.has("trace")
                    || outcome.body.contains("Exception") || outcome.body.contains("\tat ")) {
                problems.add(outcome + ": the error body is not clean");
            }
            String message = body.path("message").asText();
            // the database was away: 503, try again later, in Chinese (DatabaseUnavailableFilter)
            if (outcome.status != 503 || outcome.retryAfter.isEmpty()
                    || !(message.contains("数据库暂时不可用") || message.contains("无法确认本次请求是否已保存"))) {
                problems.add(outcome + ": refused, but not as 503 with Retry-After and our message");
            } else if (message.contains("无法确认") && claims.size() == 1) {
                savedInDoubt.incrementAndGet();
                problems.addAll(notWhole(outcome, claims.get(0), archived));
            } else if (!claims.isEmpty() || archived != 0) {
                problems.add(outcome + ": refused as not saved, but " + claims.size() + " claims and " + archived
                        + " archive entries");
            }
        } else {
            problems.add(outcome + ": neither 2xx nor 5xx");
        }
        return problems;
    }

    /** What a stored report lacks of its archive entry, its instance and the insurer's task. */
    private List<String> notWhole(Outcome outcome, long id, long archived) throws Exception {
        List<String> problems = new ArrayList<>();
        if (archived != 1) {
            problems.add(outcome + ": " + archived + " archive entries");
        }
        if (count("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'claimHandling' AND business_key_ = ?",
                Long.toString(id)) != 1) {
            problems.add(outcome + ": no single claimHandling instance");
        }
        if (count("SELECT COUNT(*) FROM act_ru_task t JOIN claim c ON c.process_instance_id = t.proc_inst_id_"
                + " WHERE c.id = " + id + " AND t.task_def_key_ = 'UserTask_Acknowledge'") != 1) {
            problems.add(outcome + ": no single acknowledgement task");
        }
        return problems;
    }

    /** Every project's and every organization's chain, checked as stored. */
    private List<String> brokenChains() throws SQLException {
        List<String> broken = new ArrayList<>();
        Map<Long, List<ArchiveEntry>> projects = new LinkedHashMap<>();
        Map<Long, List<OrganizationArchiveEntry>> organizations = new LinkedHashMap<>();
        try (Connection db = postgres.connect(DATABASE); Statement statement = db.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id, project_id, seq, subject_type, subject_id, event, actor,"
                    + " detail, files, recorded_at, previous_hash, entry_hash FROM service_archive ORDER BY project_id, seq")) {
                while (rs.next()) {
                    String files = rs.getString("files");
                    projects.computeIfAbsent(rs.getLong("project_id"), p -> new ArrayList<>()).add(new ArchiveEntry(
                            rs.getLong("id"), rs.getLong("project_id"), rs.getLong("seq"),
                            ArchiveSubject.valueOf(rs.getString("subject_type")), rs.getLong("subject_id"),
                            rs.getString("event"), rs.getString("actor"), rs.getString("detail"),
                            files.isBlank() ? List.of() : Arrays.asList(files.split(" ")),
                            rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("previous_hash"),
                            rs.getString("entry_hash")));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, organization_id, seq, subject_type, subject_id, event,"
                    + " actor, detail, recorded_at, previous_hash, entry_hash FROM organization_archive"
                    + " ORDER BY organization_id, seq")) {
                while (rs.next()) {
                    organizations.computeIfAbsent(rs.getLong("organization_id"), o -> new ArrayList<>())
                            .add(new OrganizationArchiveEntry(rs.getLong("id"), rs.getLong("organization_id"),
                                    rs.getLong("seq"), ArchiveSubject.valueOf(rs.getString("subject_type")),
                                    rs.getLong("subject_id"), rs.getString("event"), rs.getString("actor"),
                                    rs.getString("detail"), rs.getObject("recorded_at", OffsetDateTime.class),
                                    rs.getString("previous_hash"), rs.getString("entry_hash")));
                }
            }
        }
        projects.forEach((project, chain) -> {
            ArchiveVerification verification = ServiceArchive.verify(chain);
            if (!verification.intact()) {
                broken.add("project " + project + ": " + verification);
            }
        });
        organizations.forEach((organization, chain) -> {
            ArchiveVerification verification = OrganizationArchive.verify(chain);
            if (!verification.intact()) {
                broken.add("organization " + organization + ": " + verification);
            }
        });
        assertThat(projects).as("project chains").isNotEmpty();
        return broken;
    }

    /** The policy of the demo story that sijian reports on. */
    private String policyOf(HttpClient http) throws Exception {
        HttpResponse<String> policies = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                        + "/api/claims/reportable-policies")).header("Authorization", basic(BUILDER))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(policies.statusCode()).as("reportable policies: " + policies.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(policies.body());
        assertThat(list.size()).as("sijian's reportable policies").isPositive();
        return list.get(0).path("policyNumber").asText();
    }

    private Outcome reportAccident(HttpClient http, String policy, String description) {
        long start = System.nanoTime();
        var report = new LinkedHashMap<String, Object>();
        report.put("policyNumber", policy);
        report.put("accidentAt", InsuredProjects.recentAccident(Clock.system(ZoneId.of("Asia/Shanghai"))).toString());
        report.put("place", "重启测试现场");
        report.put("accidentType", "STRUCK_BY_OBJECT");
        report.put("deaths", 0);
        report.put("injuries", 1);
        report.put("description", description);
        report.put("reporterName", "重启测试");
        report.put("reporterPhone", "13800000000");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/claims"))
                    .header("Authorization", basic(BUILDER)).header("Content-Type", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(description, response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""), null, millis(start));
        } catch (HttpTimeoutException e) {
            return new Outcome(description, -1, "", "", "", "timeout", millis(start));
        } catch (Exception e) {
            return new Outcome(description, -1, "", "", "", e.getClass().getSimpleName(), millis(start));
        }
    }

    record Outcome(String description, int status, String body, String contentType, String retryAfter, String error,
            long millis) {
        @Override
        public String toString() {
            return "'" + description + "' -> " + (status < 0 ? error : status) + " in " + millis + " ms"
                    + (status / 100 == 2 || body.isEmpty() ? "" : ": " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static long successes(List<Outcome> outcomes) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.status / 100 == 2).count();
        }
    }

    private void awaitOrFail(String what, Duration bound, SqlCheck check) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (SQLException databaseAway) {
                // the database restarts: ask again
            }
            if (!node.aliveOrKilled()) {
                throw new AssertionError("the node died while waiting for: " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound.toSeconds() + " s: " + what + "\n" + state());
            }
            Thread.sleep(100);
        }
    }

    /** What the database holds, for a failure message. */
    private String state() {
        StringBuilder state = new StringBuilder("database state:");
        for (String sql : List.of(
                "SELECT 'escalated ' || COUNT(*) FROM hazard_round WHERE county_escalated_at IS NOT NULL",
                "SELECT 'claims ' || COUNT(*) FROM claim",
                "SELECT 'acknowledgement tasks ' || COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'UserTask_Acknowledge'",
                "SELECT 'deliveries ' || status || ' ' || COUNT(*) FROM notification_delivery GROUP BY status",
                "SELECT 'incidents ' || COUNT(*) FROM act_ru_incident",
                "SELECT 'jobs ' || handler_type_ || ' ' || COALESCE(substr(handler_cfg_, 1, 40), '') || ' locked='"
                        + " || (lock_owner_ IS NOT NULL) || ' due=' || (duedate_ IS NULL OR duedate_ <= now())"
                        + " || ' retries=' || retries_ || ' failed=' || (exception_msg_ IS NOT NULL) || ': ' || COUNT(*)"
                        + " FROM act_ru_job GROUP BY handler_type_, substr(handler_cfg_, 1, 40), lock_owner_ IS NOT NULL,"
                        + " duedate_ IS NULL OR duedate_ <= now(), retries_, exception_msg_ IS NOT NULL",
                "SELECT 'job failure: ' || substr(exception_msg_, 1, 200) FROM act_ru_job WHERE exception_msg_ IS NOT NULL LIMIT 5")) {
            try (Connection db = postgres.connect(DATABASE); Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    state.append("\n  ").append(rows.getString(1));
                }
            } catch (SQLException e) {
                state.append("\n  (").append(e.getMessage()).append(")");
            }
        }
        return state.toString();
    }

    @FunctionalInterface
    private interface SqlCheck {
        boolean holds() throws SQLException;
    }

    private long count(String sql, String... params) throws SQLException {
        try (Connection db = postgres.connect(DATABASE); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<Long> longs(String sql, String param) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection db = postgres.connect(DATABASE); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, param);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
        }
        return values;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = postgres.connect(DATABASE); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String... statements) throws SQLException {
        try (Connection db = postgres.connect(DATABASE); Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static long millis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static void report(String format, Object... args) {
        System.out.println("[restart] " + String.format(Locale.ROOT, format, args));
    }
}
