package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No 500 on bad input (#11, finding 7): every {@code /api} operation of the served OpenAPI document,
 * and the engine's doors, answer bad input with a 4xx, and a refused request changes no row of ours.
 * A few thousand requests, so its classes are tagged {@code fuzz} (run alone with {@code -Dgroups=fuzz});
 * {@code mvn verify} runs them with the rest, the PostgreSQL one in the {@code postgres} execution.
 */
abstract class ApiFuzzContract {

    /** Fixed, so a failure repeats; change it to explore other cases. */
    static final long SEED = 20_261_130L;
    /** Demo users of every role (password = login): city bureau, county, insurer, service org, builder, admin. */
    static final List<String> USERS = List.of("city", "xinfu", "picc", "anke", "sijian", "demo");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private List<String> tables;

    @Test
    void everyApiOperationRefusesBadInputWithA4xxAndChangesNothing() throws Exception {
        JsonNode docs = new ObjectMapper().readTree(URI.create("http://localhost:" + port + "/v3/api-docs").toURL());
        ApiFuzzer fuzzer = new ApiFuzzer("http://localhost:" + port, docs, USERS, this::rowCounts, SEED);

        long started = System.nanoTime();
        ApiFuzzer.Report report = fuzzer.run();
        System.out.printf("API fuzz: %d cases on %d operations in %d s%n", report.cases(), report.operations().size(),
                (System.nanoTime() - started) / 1_000_000_000L);

        // it tests something: all operations of the document, thousands of cases
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(report.cases()).isGreaterThan(2_000);
        assertThat(report.failures()).isEmpty();
    }

    /** What PostgreSQL cannot store or the services cannot read is refused with the field named. */
    @Test
    void aNulCharacterOrANullInAListIsRefusedNamingTheField() throws Exception {
        JsonNode nul = answer("sijian", "POST", "/api/visits/requests", "{\"policyId\":1,\"reason\":\"塔吊\\u0000异常\"}");
        JsonNode nullInList = answer("anke", "POST", "/api/visits/1/record",
                "{\"outcome\":\"VISITED\",\"attendees\":[\"高工甲\",null]}");
        JsonNode nulParameter = answer("xinfu", "GET", "/api/hazards?county=1409%0002", null);

        assertThat(nul.path("status").asInt()).isEqualTo(400);
        assertThat(nul.path("fieldErrors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(nul.path("fieldErrors").get(0).path("message").asText()).contains("NUL");
        assertThat(nullInList.path("status").asInt()).isEqualTo(400);
        assertThat(nullInList.path("fieldErrors").get(0).path("field").asText()).isEqualTo("attendees[1]");
        assertThat(nulParameter.path("status").asInt()).isEqualTo(400);
        assertThat(nulParameter.path("fieldErrors").get(0).path("field").asText()).isEqualTo("county");
        // the positive twin: the same parameter without the NUL is read
        assertThat(answer("xinfu", "GET", "/api/hazards?county=140902", null).path("items").isArray()).isTrue();
    }

    private JsonNode answer(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return new ObjectMapper().readTree(HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * The engine's doors refuse junk with a 4xx too: a start without a body, {@code /engine-rest/condition}
     * and {@code /message} with nothing or junk, {@code submit-form} with junk — and write nothing.
     */
    @Test
    void theEngineDoorsRefuseJunkWithA4xxAndChangeNothing() {
        List<String> bodies = Arrays.asList(null, "", "{", "[]", "null", "{}", "{\"variables\":5}",
                "{\"variables\":{\"x\":{\"value\":\"a\\u0000b\",\"type\":\"String\"}}}",
                "{\"variables\":{\"x\":{\"value\":\"abc\",\"type\":\"Long\"}}}",
                "{\"variables\":{\"x\":null}}", "{\"messageName\":null}", "{\"messageName\":\"nope\"} garbage");
        List<String> doors = List.of("/engine-rest/process-definition/key/quotationRequest/start",
                "/engine-rest/process-definition/key/quotationRequest/submit-form",
                "/engine-rest/process-definition/key/nope/start", "/engine-rest/condition", "/engine-rest/message",
                "/engine-rest/task/nope/submit-form", "/engine-rest/task/nope/complete",
                "/engine-rest/signal", "/engine-rest/process-instance/nope/modification");
        List<ApiFuzzer.Case> cases = new ArrayList<>();
        for (String door : doors) {
            for (String body : bodies) {
                cases.add(new ApiFuzzer.Case("POST " + door, "POST", door, body == null ? null : "application/json",
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8), "body " + body));
            }
        }
        ApiFuzzer fuzzer = new ApiFuzzer("http://localhost:" + port, null, USERS, this::rowCounts, SEED);

        // the builder may start quotation requests; the admin passes every authorization check
        ApiFuzzer.Report report = fuzzer.run(cases, List.of("sijian", "demo"));

        assertThat(report.cases()).isEqualTo(2 * doors.size() * bodies.size());
        assertThat(report.failures()).isEmpty();
    }

    /** Row counts of our tables and of the engine's running executions and tasks. */
    Map<String, Long> rowCounts() {
        if (tables == null) {
            tables = jdbc.sql("""
                    SELECT table_name FROM information_schema.tables
                    WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE'
                      AND (LOWER(table_name) NOT LIKE 'act\\_%' ESCAPE '\\'
                           OR LOWER(table_name) IN ('act_ru_execution', 'act_ru_task'))
                      AND LOWER(table_name) <> 'flyway_schema_history'
                    ORDER BY table_name
                    """).query(String.class).list();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(tables.stream().map(table -> "(SELECT COUNT(*) FROM " + table + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""))).query(rs -> {
                    for (int i = 0; i < tables.size(); i++) {
                        counts.put(tables.get(i).toLowerCase(), rs.getLong(i + 1));
                    }
                });
        return counts;
    }
}
