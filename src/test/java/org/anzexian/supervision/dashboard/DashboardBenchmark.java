package org.anzexian.supervision.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.Set;
import org.anzexian.AnzexianApplication;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.support.PortalClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's response time with 2,000 projects and 20,000 hazards (#14): not a test (no JUnit, so it
 * never runs in {@code mvn verify}). It creates the PostgreSQL database {@value #DATABASE} of its own on
 * 127.0.0.1:5432 (user postgres; dropped before and after, kept with {@code -Danzexian.bench.keep=true} for
 * EXPLAIN — no other database is touched), starts the
 * application on it with the demo logins, bulk-loads projects, policies, visits, hazards, claims and a
 * ranking with set-based SQL, and prints p50/p95 of {@code GET /api/dashboard} and {@code GET /portal} for
 * the city ({@code city}) and a county ({@code xinfu}) over {@value #MEASURED} requests after
 * {@value #WARM_UP} warm-up requests. Command: docs/PERFORMANCE.md, "Dashboard (#14)".
 */
public final class DashboardBenchmark {

    static final String DATABASE = "anzexian_bench_dash";
    static final int PROJECTS = 2_000;
    static final int HAZARDS = 20_000;
    static final int WARM_UP = 10;
    static final int MEASURED = 50;

    private static final String SERVER = System.getProperty("anzexian.bench.postgres.server", "127.0.0.1:5432");
    private static final String USER = "postgres";

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        recreateDatabase(true);
        ConfigurableApplicationContext app = null;
        try {
            // arguments, not default properties: application.yaml's server.port and job executor would win
            List<String> arguments = new ArrayList<>(List.of(
                    "--SPRING_DATASOURCE_URL=jdbc:postgresql://" + SERVER + "/" + DATABASE,
                    "--SPRING_DATASOURCE_USERNAME=" + USER, "--ANZEXIAN_ADMIN_USER=demo",
                    "--ANZEXIAN_ADMIN_PASSWORD=demo", "--ANZEXIAN_DEMO_DATA=true", "--server.port=0",
                    "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                    "--logging.level.org.anzexian.notification=ERROR"));
            arguments.addAll(List.of(args));
            app = new SpringApplicationBuilder(AnzexianApplication.class).profiles("postgres")
                    .run(arguments.toArray(String[]::new));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long started = System.nanoTime();
            load(jdbc);
            System.out.printf(Locale.ROOT, "loaded in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, counts(jdbc));

            List<String> lines = new ArrayList<>();
            // where the time goes: each query of the city's dashboard on its own, then all of them with the
            // service's own work (no HTTP, no authentication, no JSON)
            DashboardRepository queries = app.getBean(DashboardRepository.class);
            DashboardScope city = DashboardScope.of(new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)), null);
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            lines.add(measure("  query coverage", () -> queries.coverage(city, now.toLocalDate()).size() * 0 + 200));
            lines.add(measure("  query open hazards", () -> queries.openHazards(city, now).size() * 0 + 200));
            lines.add(measure("  query closure rows", () -> queries.raisedOrClosedSince(city, now.minusDays(90)).size() * 0 + 200));
            lines.add(measure("  query visits", () -> queries.visits(city, now).size() * 0 + 200));
            lines.add(measure("  query claims", () -> queries.claims(city).size() * 0 + 200));
            DashboardService service = app.getBean(DashboardService.class);
            lines.add(measure("  DashboardService.of (in process, no HTTP) as city", () -> {
                service.of(new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)), null);
                return 200;
            }));
            for (String user : List.of("city", "xinfu")) {
                lines.add(measure("GET /api/dashboard as " + user, api(port, user)));
                PortalClient portal = PortalClient.loggedIn(port, user);
                lines.add(measure("GET /portal         as " + user, () -> portal.get("/portal").statusCode()));
            }
            System.out.println();
            System.out.println("Dashboard benchmark (" + PROJECTS + " projects, " + HAZARDS + " hazards; "
                    + Runtime.getRuntime().availableProcessors() + " cores; " + WARM_UP + " warm-up + " + MEASURED
                    + " measured requests, one at a time)");
            lines.forEach(System.out::println);
        } finally {
            if (app != null) {
                app.close();
            }
            if (!Boolean.getBoolean("anzexian.bench.keep")) {
                recreateDatabase(false);
            }
        }
    }

    private static IntSupplier api(int port, String user) {
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dashboard"))
                .header("Authorization", basic).GET().build();
        return () -> {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static String measure(String label, IntSupplier request) {
        for (int i = 0; i < WARM_UP; i++) {
            check(label, request.getAsInt());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            check(label, request.getAsInt());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return String.format(Locale.ROOT, "%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms", label,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1));
    }

    private static void check(String label, int status) {
        if (status != 200) {
            throw new IllegalStateException(label + " answered " + status);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void recreateDatabase(boolean create) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            if (create) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    private static String counts(JdbcTemplate jdbc) {
        StringBuilder counts = new StringBuilder();
        for (String table : List.of("project", "policy", "visit", "hazard", "claim", "claim_breach", "assessment")) {
            counts.append(table).append('=').append(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .append(' ');
        }
        return counts.toString().strip();
    }

    /**
     * Set-based SQL (PostgreSQL): 10 insurers, 20 service organizations, 200 construction units; 2,000
     * projects over the city's 16 areas (10 % without a permit, 10 % applying); a policy for 6 of 7 (5 %
     * of them expired); six visits per policy (done, late, missed, refused, open); 20,000 hazards over the
     * last year (60 % closed, a fifth major); 300 claims, a third with breaches; one assessment period.
     */
    private static void load(JdbcTemplate jdbc) {
        jdbc.execute("""
                INSERT INTO organization (org_type, name, credit_code, jurisdiction_code, created_at)
                SELECT t.type, t.prefix || g, t.code || lpad(g::text, 8, '0') || 'BENCH', '140902', now()
                FROM (VALUES ('INSURER', '基准保险公司', 'BI', 10), ('SERVICE_ORG', '基准服务机构', 'BS', 20),
                             ('CONSTRUCTION_UNIT', '基准施工单位', 'BC', 200)) AS t(type, prefix, code, n),
                     LATERAL generate_series(1, t.n) g
                """);
        jdbc.execute("""
                INSERT INTO construction_contract (contract_number, general_contractor_id, amount, start_date, end_date)
                SELECT 'BENCH-' || g, b.ids[1 + g % array_length(b.ids, 1)], 1000000 + g, current_date - 200, current_date + 400
                FROM generate_series(1, {n}) g,
                     (SELECT array_agg(id ORDER BY id) ids FROM organization WHERE credit_code LIKE 'BC%BENCH') b
                """.replace("{n}", String.valueOf(PROJECTS)));
        jdbc.execute("""
                INSERT INTO project (project_code, name, site_address, jurisdiction_code, category, subtype,
                    contract_amount, contract_start, contract_end, permit_status, construction_unit_id, contract_id, created_at)
                SELECT 'BENCH-P-' || substr(c.contract_number, 7), '基准工程' || c.id, '基准路' || c.id || '号',
                       a.codes[1 + c.id % array_length(a.codes, 1)], 'BUILDING', 'RESIDENTIAL', c.amount, c.start_date,
                       c.end_date, CASE c.id % 10 WHEN 0 THEN 'NONE' WHEN 1 THEN 'APPLIED' ELSE 'ISSUED' END,
                       c.general_contractor_id, c.id, now()
                FROM construction_contract c,
                     (SELECT array_agg(code ORDER BY sort_order) codes FROM jurisdiction WHERE parent_code IS NOT NULL) a
                WHERE c.contract_number LIKE 'BENCH-%'
                """);
        jdbc.execute("""
                INSERT INTO quotation_request (project_id, contract_id, buyer_org_id, conversion, requested_by, requested_at)
                SELECT id, contract_id, construction_unit_id, FALSE, 'bench', now() FROM project
                WHERE project_code LIKE 'BENCH-P-%' AND id % 7 <> 0
                """);
        jdbc.execute("""
                INSERT INTO quotation (request_id, project_id, contract_id, insurer_org_id, status, updated_at)
                SELECT r.id, r.project_id, r.contract_id, i.ids[1 + r.project_id % array_length(i.ids, 1)], 'POLICY_ISSUED', now()
                FROM quotation_request r,
                     (SELECT array_agg(id ORDER BY id) ids FROM organization WHERE credit_code LIKE 'BI%BENCH') i
                WHERE r.requested_by = 'bench'
                """);
        jdbc.execute("""
                INSERT INTO policy (policy_number, quotation_id, project_id, contract_id, insurer_org_id, buyer_org_id,
                    jurisdiction_code, project_name, site_address, contract_amount, contract_start, contract_end,
                    policy_start, policy_end, premium_rate_permille, premium, death_disability_limit, total_limit,
                    insurance_plan, prevention_plan, prevention_fee_percent, conversion, status, premium_confirmed_by,
                    premium_received_at, issued_at)
                SELECT 'BENCH' || q.id, q.id, p.id, p.contract_id, q.insurer_org_id, p.construction_unit_id,
                       p.jurisdiction_code, p.name, p.site_address, p.contract_amount, p.contract_start, p.contract_end,
                       p.contract_start, CASE WHEN q.id % 20 = 0 THEN current_date - 1 ELSE p.contract_end END,
                       1.5, p.contract_amount * 0.0015, 1000000, 10000000, '主险', '每月一次', 20, FALSE, 'ISSUED', 'bench',
                       now(), now() - interval '200 days'
                FROM quotation q JOIN project p ON p.id = q.project_id
                WHERE p.project_code LIKE 'BENCH-P-%'
                """);
        jdbc.execute("""
                INSERT INTO visit (policy_id, project_id, service_org_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, kind, seq, status, due_at, reminder_at, missed_at, missed, arrived_at, recorded_at,
                    report_late, created_at)
                SELECT po.id, po.project_id, s.ids[1 + po.id % array_length(s.ids, 1)], po.insurer_org_id, po.buyer_org_id,
                       po.jurisdiction_code, 'REGULAR', k,
                       CASE WHEN k = 6 THEN 'OPEN' WHEN (po.id + k) % 23 = 0 THEN 'REFUSED'
                            WHEN (po.id + k) % 13 = 0 THEN 'OPEN' ELSE 'REPORTED' END,
                       now() - (6 - k) * interval '30 days' + interval '5 days', now() - (6 - k) * interval '30 days',
                       now() - (6 - k) * interval '30 days' + interval '8 days',
                       k < 6 AND (po.id + k) % 23 <> 0 AND (po.id + k) % 13 = 0,
                       CASE WHEN k < 6 AND (po.id + k) % 13 <> 0 THEN now() - (6 - k) * interval '30 days'
                            + CASE WHEN (po.id + k) % 9 = 0 THEN interval '7 days' ELSE interval '2 days' END END,
                       CASE WHEN k < 6 AND (po.id + k) % 13 <> 0 THEN now() - (6 - k) * interval '30 days' + interval '7 days' END,
                       FALSE, now() - interval '200 days'
                FROM policy po, generate_series(1, 6) k,
                     (SELECT array_agg(id ORDER BY id) ids FROM organization WHERE credit_code LIKE 'BS%BENCH') s
                WHERE po.policy_number LIKE 'BENCH%'
                """);
        jdbc.execute("""
                INSERT INTO hazard (project_id, policy_id, insurer_org_id, jurisdiction_code, construction_unit_id,
                    verifier_org_id, source, source_id, category, severity, description, location, photos,
                    proposed_measure, status, raised_by, raised_at, round, deadline_at, closed_at)
                SELECT po.project_id, po.id, po.insurer_org_id, po.jurisdiction_code, po.buyer_org_id,
                       s.ids[1 + po.id % array_length(s.ids, 1)], 'VISIT', g, 'OTHER',
                       CASE WHEN g % 5 = 0 THEN 'MAJOR' ELSE 'GENERAL' END, '基准隐患' || g, '现场', '', '整改',
                       CASE WHEN g % 10 < 6 THEN 'CLOSED' WHEN g % 10 < 8 THEN 'OPEN' ELSE 'SUBMITTED' END, 'bench',
                       now() - (g % 365) * interval '1 day', 1,
                       now() - (g % 365) * interval '1 day' + CASE WHEN g % 5 = 0 THEN interval '3 days' ELSE interval '7 days' END,
                       CASE WHEN g % 10 < 6 THEN now() - (g % 365) * interval '1 day' + (g % 11) * interval '1 day' END
                FROM generate_series(1, {n}) g
                JOIN (SELECT id, project_id, insurer_org_id, jurisdiction_code, buyer_org_id,
                             row_number() OVER (ORDER BY id) - 1 AS n, COUNT(*) OVER () AS total
                      FROM policy WHERE policy_number LIKE 'BENCH%') po ON po.n = g % po.total,
                     (SELECT array_agg(id ORDER BY id) ids FROM organization WHERE credit_code LIKE 'BS%BENCH') s
                """.replace("{n}", String.valueOf(HAZARDS)));
        jdbc.execute("""
                INSERT INTO claim (policy_id, policy_number, project_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, accident_at, reported_at, place, accident_type, deaths, injuries, description,
                    reporter_name, reporter_phone, channel, reported_by, late, status, acknowledgement_due_at)
                SELECT po.id, po.policy_number, po.project_id, po.insurer_org_id, po.buyer_org_id, po.jurisdiction_code,
                       now() - (po.id % 90) * interval '1 day', now() - (po.id % 90) * interval '1 day', '现场',
                       'FALL_FROM_HEIGHT', 0, 1, '基准事故', '张三', '13800000000', 'PHONE', 'bench', FALSE,
                       (ARRAY['REPORTED', 'ACKNOWLEDGED', 'DOCUMENTS_COMPLETE', 'AGREED', 'PAID', 'CLOSED'])[1 + po.id % 6],
                       now() - (po.id % 90) * interval '1 day' + interval '1 hour'
                FROM policy po WHERE po.policy_number LIKE 'BENCH%' ORDER BY po.id LIMIT 300
                """);
        jdbc.execute("""
                INSERT INTO claim_breach (claim_id, insurer_org_id, kind, due_at, recorded_at)
                SELECT c.id, c.insurer_org_id, (ARRAY['ACKNOWLEDGEMENT', 'DECISION', 'PAYMENT'])[1 + c.id % 3],
                       c.acknowledgement_due_at, c.acknowledgement_due_at
                FROM claim c WHERE c.reported_by = 'bench' AND c.id % 3 = 0
                """);
        jdbc.execute("""
                INSERT INTO assessment (organization_id, org_kind, period_start, period_end, score, grade, rank_no,
                    ranked_of, assessed_at)
                SELECT o.id, CASE o.org_type WHEN 'INSURER' THEN 'INSURER' ELSE 'SERVICE_ORG' END, DATE '2026-07-01',
                       DATE '2026-10-01', 100 - row_number() OVER w, '良好', row_number() OVER w,
                       COUNT(*) OVER (PARTITION BY o.org_type), now()
                FROM organization o WHERE o.credit_code LIKE 'B_%BENCH' AND o.org_type IN ('INSURER', 'SERVICE_ORG')
                WINDOW w AS (PARTITION BY o.org_type ORDER BY o.id)
                """);
        jdbc.execute("ANALYZE");
    }
}
