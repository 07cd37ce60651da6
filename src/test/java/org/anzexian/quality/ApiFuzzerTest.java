package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The fuzz test of {@link ApiFuzzContract} would find what it looks for (#11, finding 7): against a
 * small server with planted faults, the fuzzer reports a 500 for a NUL character and a refusal that
 * wrote a row, and nothing against the same server without them.
 */
class ApiFuzzerTest {

    private static final String DOCS = """
            {"paths": {
              "/things": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}},
              "/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}]}}
            },
            "components": {"schemas": {"Thing": {"type": "object", "properties": {
              "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
              "count": {"type": "integer"}, "on": {"type": "string", "format": "date"}}}}}}
            """;

    @Test
    void findsA500AndARefusalThatWrote() throws Exception {
        AtomicLong rows = new AtomicLong();
        ApiFuzzer.Report report = fuzz(rows, (path, body) -> body.contains("\\u0000"),
                (path, body) -> body.contains("\"tags\":[null]"));

        assertThat(report.operations()).containsExactly("POST /things", "GET /things/{id}");
        assertThat(report.failures()).anySatisfy(failure -> assertThat(failure).startsWith("500").contains("[/name=\"a\\u0000b\"]"))
                .anySatisfy(failure -> assertThat(failure).startsWith("500").contains("[/tags/0=\"a\\u0000b\"]"))
                .anySatisfy(failure -> assertThat(failure).startsWith("400").contains("data changed {rows=")
                        .contains("[/tags=[null]]"));
    }

    @Test
    void findsNothingWhereEveryBadRequestIsRefused() throws Exception {
        ApiFuzzer.Report report = fuzz(new AtomicLong(), (path, body) -> false, (path, body) -> false);

        assertThat(report.cases()).isGreaterThan(50);
        assertThat(report.failures()).isEmpty();
    }

    /** Fuzzes a server that answers 400 to everything, 500 where {@code fails}, and writes a row where {@code writes}. */
    private static ApiFuzzer.Report fuzz(AtomicLong rows, BiPredicate<String, String> fails,
            BiPredicate<String, String> writes) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            if (writes.test(path, body)) {
                rows.incrementAndGet();
            }
            exchange.sendResponseHeaders(fails.test(path, body) ? 500 : 400, -1);
            exchange.close();
        });
        server.start();
        try {
            JsonNode docs = new ObjectMapper().readTree(DOCS);
            return new ApiFuzzer("http://127.0.0.1:" + server.getAddress().getPort(), docs, List.of("a", "b"),
                    () -> Map.of("rows", rows.get()), 1L).run();
        } finally {
            server.stop(0);
        }
    }
}
