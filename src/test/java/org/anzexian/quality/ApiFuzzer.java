package org.anzexian.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bad input for every operation of an OpenAPI document (#11, finding 7): wrong types, {@code null} and
 * {@code null} inside lists, NUL characters, huge strings, negative and absurd numbers, far dates,
 * unknown ids, malformed and truncated bodies. Each case goes to the running application as one of the
 * given users over real HTTP; a 5xx is a failure, and so is a refusal (4xx) after which the
 * {@code state} (row counts of the business tables) differs from before. Seeded, so a failure repeats.
 */
final class ApiFuzzer {

    /** One request: which operation it probes and what is wrong with it. */
    record Case(String operation, String method, String path, String contentType, byte[] body, String what) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            shown = shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
            return operation + " [" + what + "] " + method + " " + path + " " + shown.replace("\u0000", "\\u0000");
        }
    }

    /** What a run found; {@code failures} says for each failing case what went wrong. */
    record Report(int cases, Set<String> operations, List<String> failures) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "长".repeat(100_000);
    private static final BigInteger BEYOND_LONG = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.TEN);
    private static final List<String> PARAMETER_VALUES = List.of("-1", "0", "999999999999", BEYOND_LONG.toString(),
            "abc", "1.5", "%00", "a%00b", "9999-12-31", "-999999999-01-01", "x".repeat(5_000));
    private static final String BOUNDARY = "fuzzBoundary7MA4YWxk";

    private final String baseUrl;
    private final JsonNode docs;
    private final List<String> users;
    private final Supplier<Map<String, Long>> state;
    private final Random random;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiFuzzer(String baseUrl, JsonNode docs, List<String> users, Supplier<Map<String, Long>> state, long seed) {
        this.baseUrl = baseUrl;
        this.docs = docs;
        this.users = List.copyOf(users);
        this.state = state;
        this.random = new Random(seed);
    }

    /** The cases of every operation in the document, in document order. */
    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                cases.addAll(casesOf(path.getKey(), operation.getKey().toUpperCase(), operation.getValue()));
            }
        }));
        return cases;
    }

    /**
     * Sends every case: each operation first as every user, with its least broken request, to find the
     * user who gets furthest (the rightful one, whose request reaches validation); then its bad cases as
     * that user, and every tenth also as a user picked at random. The data is compared after each refusal
     * of a request that may write (not a GET).
     */
    Report run() {
        List<Case> all = cases();
        Map<String, List<Case>> byOperation = new LinkedHashMap<>();
        all.forEach(c -> byOperation.computeIfAbsent(c.operation(), key -> new ArrayList<>()).add(c));
        List<String> failures = new ArrayList<>();
        Map<String, Long> before = state.get();
        int sent = 0;
        for (List<Case> cases : byOperation.values()) {
            String rightful = users.get(0);
            int furthest = -1;
            for (String user : users) {
                int status = send(cases.get(0), user);
                before = check(cases.get(0), user, status, before, failures);
                sent++;
                if (depth(status) > furthest) {
                    furthest = depth(status);
                    rightful = user;
                }
            }
            for (Case c : cases.subList(1, cases.size())) {
                before = check(c, rightful, send(c, rightful), before, failures);
                sent++;
                if (random.nextInt(10) == 0) {
                    String other = users.get(random.nextInt(users.size()));
                    before = check(c, other, send(c, other), before, failures);
                    sent++;
                }
            }
        }
        return new Report(sent, byOperation.keySet(), failures);
    }

    /** Sends the given cases as each of {@code senders}. */
    Report run(List<Case> cases, List<String> senders) {
        List<String> failures = new ArrayList<>();
        Set<String> operations = new LinkedHashSet<>();
        Map<String, Long> before = state.get();
        for (Case c : cases) {
            operations.add(c.operation());
            for (String user : senders) {
                before = check(c, user, send(c, user), before, failures);
            }
        }
        return new Report(cases.size() * senders.size(), operations, failures);
    }

    /** How far a request got: accepted, refused for its content, not found, refused for its sender. */
    private static int depth(int status) {
        if (status < 400) {
            return 4;
        }
        if (status == 400 || status == 409 || status == 422) {
            return 3;
        }
        return status == 404 ? 2 : 1;
    }

    private Map<String, Long> check(Case c, String user, int status, Map<String, Long> before, List<String> failures) {
        if (status >= 500) {
            failures.add(status + " as " + user + ": " + c);
            return before;
        }
        if (c.method().equals("GET")) {
            return before;
        }
        Map<String, Long> after = state.get();
        if (status >= 400 && !after.equals(before)) {
            failures.add(status + " as " + user + " but the data changed " + changes(before, after) + ": " + c);
        }
        return after;
    }

    private static Map<String, String> changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changes = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changes.put(table, before.get(table) + "→" + count);
            }
        });
        return changes;
    }

    int send(Case c, String user) {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(c.method(), body);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + c, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- generating cases ------------------------------------------------------------------------

    private List<Case> casesOf(String template, String method, JsonNode operation) {
        String name = method + " " + template;
        Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            (resolved.path("in").asText().equals("path") ? pathParameters : queryParameters)
                    .put(resolved.path("name").asText(), resolved);
        }
        Map<String, String> path = new LinkedHashMap<>();
        pathParameters.forEach((parameter, spec) -> path.put(parameter, parameterSample(spec.path("schema"))));
        Map<String, String> query = new LinkedHashMap<>();
        queryParameters.forEach((parameter, spec) -> {
            if (spec.path("required").asBoolean()) {
                query.put(parameter, parameterSample(spec.path("schema")));
            }
        });
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode jsonSchema = content.path("application/json").path("schema");
        JsonNode multipartSchema = content.path("multipart/form-data").path("schema");

        List<Case> cases = new ArrayList<>();
        JsonNode body = jsonSchema.isMissingNode() ? null : sample(jsonSchema, 0);
        String url = url(template, path, query);
        if (!multipartSchema.isMissingNode()) {
            cases.add(new Case(name, method, url, "multipart/form-data; boundary=" + BOUNDARY,
                    multipart(resolve(multipartSchema), null), "least broken"));
            cases.addAll(multipartCases(name, method, url, resolve(multipartSchema)));
        } else {
            cases.add(jsonCase(name, method, url, body, "least broken"));
        }
        pathParameters.keySet().forEach(parameter -> PARAMETER_VALUES.stream()
                .filter(value -> !value.isEmpty())
                .forEach(value -> {
                    Map<String, String> changed = new LinkedHashMap<>(path);
                    changed.put(parameter, value);
                    cases.add(jsonCase(name, method, url(template, changed, query), body, "path " + parameter + "=" + value));
                }));
        queryParameters.keySet().forEach(parameter -> {
            for (String value : PARAMETER_VALUES) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(parameter, value);
                cases.add(jsonCase(name, method, url(template, path, changed), body, "query " + parameter + "=" + value));
            }
            if (query.containsKey(parameter)) {
                Map<String, String> without = new LinkedHashMap<>(query);
                without.remove(parameter);
                cases.add(jsonCase(name, method, url(template, path, without), body, "query " + parameter + " missing"));
            }
        });
        if (body != null) {
            cases.addAll(bodyCases(name, method, url, body));
        }
        return cases;
    }

    private List<Case> bodyCases(String name, String method, String url, JsonNode body) {
        List<Case> cases = new ArrayList<>();
        String text = body.toString();
        for (String raw : List.of("", "null", "[]", "{}", "{", "\"\\u0000\"", text + " {\"more\":1}", text + "}",
                text.substring(0, text.length() / 2))) {
            cases.add(new Case(name, method, url, "application/json", raw.getBytes(StandardCharsets.UTF_8), "body " + raw));
        }
        cases.add(new Case(name, method, url, null, null, "no body"));
        cases.add(new Case(name, method, url, "text/plain", text.getBytes(StandardCharsets.UTF_8), "not JSON"));
        for (String field : leaves(body, "")) {
            for (JsonNode bad : badValues(body.at(field))) {
                JsonNode changed = body.deepCopy();
                replace(changed, field, bad);
                cases.add(jsonCase(name, method, url, changed, field + "=" + abbreviate(bad)));
            }
        }
        return cases;
    }

    private List<Case> multipartCases(String name, String method, String url, JsonNode schema) {
        byte[] whole = multipart(schema, null);
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(name, method, url, type, Arrays.copyOf(whole, whole.length / 2), "truncated multipart"));
        cases.add(new Case(name, method, url, "multipart/form-data", whole, "multipart without boundary"));
        cases.add(new Case(name, method, url, type, "not multipart".getBytes(StandardCharsets.UTF_8), "not multipart"));
        cases.add(new Case(name, method, url, type, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8), "no parts"));
        cases.add(new Case(name, method, url, null, null, "no body"));
        for (String bad : List.of("a\u0000b.pdf", HUGE.substring(0, 5_000) + ".pdf", "")) {
            cases.add(new Case(name, method, url, type, multipart(schema, bad), "part named " + abbreviate(NODES.textNode(bad))));
        }
        return cases;
    }

    /** A multipart body with one part per property: files as a small PDF named {@code filename}. */
    private byte[] multipart(JsonNode schema, String badText) {
        StringBuilder body = new StringBuilder();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode spec = resolve(property.getValue());
            body.append("--").append(BOUNDARY).append("\r\n");
            if ("binary".equals(spec.path("format").asText())) {
                String filename = badText == null ? "fuzz.pdf" : badText;
                body.append("Content-Disposition: form-data; name=\"").append(property.getKey())
                        .append("\"; filename=\"").append(filename).append("\"\r\n")
                        .append("Content-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n");
            } else {
                body.append("Content-Disposition: form-data; name=\"").append(property.getKey()).append("\"\r\n\r\n")
                        .append(badText == null ? sample(spec, 0).asText() : badText).append("\r\n");
            }
        });
        body.append("--").append(BOUNDARY).append("--\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Wrong for a value shaped like {@code good}: other types, null, and the extremes of its own type. */
    private static List<JsonNode> badValues(JsonNode good) {
        List<JsonNode> bad = new ArrayList<>();
        bad.add(NODES.nullNode());
        if (good.isTextual()) {
            bad.add(NODES.textNode("a\u0000b"));
            bad.add(NODES.textNode(HUGE));
            bad.add(NODES.objectNode().put("x", 1));
            bad.add(NODES.textNode(good.asText().matches("\\d{4}-\\d{2}-\\d{2}.*") ? "+999999999-12-31" : "NOT_A_VALUE"));
        } else if (good.isNumber()) {
            bad.add(NODES.textNode("abc"));
            bad.add(NODES.numberNode(-1));
            bad.add(NODES.numberNode(BEYOND_LONG));
            bad.add(NODES.numberNode(-1e308));
        } else if (good.isBoolean()) {
            bad.add(NODES.textNode("yes"));
            bad.add(NODES.numberNode(2));
        } else if (good.isArray()) {
            bad.add(NODES.arrayNode().addNull());
            bad.add(NODES.textNode("x"));
            bad.add(NODES.arrayNode());
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 2_000; i++) {
                many.add(good.isEmpty() ? NODES.textNode("x") : good.get(0));
            }
            bad.add(many);
        } else if (good.isObject()) {
            bad.add(NODES.numberNode(5));
            bad.add(NODES.arrayNode());
            bad.add(NODES.objectNode());
        }
        return bad;
    }

    /** JSON pointers of every value in {@code node}: objects' fields and lists' first elements, and the lists themselves. */
    private static List<String> leaves(JsonNode node, String at) {
        List<String> leaves = new ArrayList<>();
        if (!at.isEmpty()) {
            leaves.add(at);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> leaves.addAll(leaves(field.getValue(), at + "/" + field.getKey())));
        } else if (node.isArray() && !node.isEmpty()) {
            leaves.addAll(leaves(node.get(0), at + "/0"));
        }
        return leaves;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value);
        }
    }

    /** A value that fits the schema as far as its shape goes; its content is the service's to judge. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode spec = resolve(schema);
        if (spec.has("allOf") || spec.has("oneOf") || spec.has("anyOf")) {
            JsonNode first = spec.has("allOf") ? spec.get("allOf") : spec.has("oneOf") ? spec.get("oneOf") : spec.get("anyOf");
            return sample(first.get(0), depth);
        }
        String type = spec.path("type").asText(spec.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    Iterator<Map.Entry<String, JsonNode>> properties = spec.path("properties").fields();
                    properties.forEachRemaining(property -> object.set(property.getKey(), sample(property.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> depth < 4 ? NODES.arrayNode().add(sample(spec.path("items"), depth + 1)) : NODES.arrayNode();
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(stringSample(spec));
        };
    }

    private static String stringSample(JsonNode spec) {
        if (spec.has("enum")) {
            return spec.get("enum").get(0).asText();
        }
        return switch (spec.path("format").asText()) {
            case "date" -> "2026-06-01";
            case "date-time" -> "2026-06-01T08:00:00+08:00";
            default -> "测试";
        };
    }

    private String parameterSample(JsonNode schema) {
        JsonNode sample = sample(schema, 0);
        return sample.isArray() ? sample.get(0).asText() : sample.asText();
    }

    private JsonNode resolve(JsonNode node) {
        Set<String> seen = new LinkedHashSet<>();
        JsonNode resolved = node;
        while (resolved.has("$ref") && seen.add(resolved.get("$ref").asText())) {
            resolved = docs.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }

    private static Case jsonCase(String name, String method, String url, JsonNode body, String what) {
        if (body == null) {
            return new Case(name, method, url, null, null, what);
        }
        try {
            return new Case(name, method, url, "application/json", JSON.writeValueAsBytes(body), what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(String template, Map<String, String> path, Map<String, String> query) {
        String url = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            url = url.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        StringBuilder withQuery = new StringBuilder(url);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            withQuery.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return withQuery.toString();
    }

    /** Percent-encodes for a URL, but keeps the fuzz values' own {@code %00}. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2500", "%00").replace("+", "%20");
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
