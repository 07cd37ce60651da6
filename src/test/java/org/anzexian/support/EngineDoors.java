package org.anzexian.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * The two engine doors a user has besides {@code /api}, as an attacker or a clerk would use them:
 * {@code /engine-rest} with HTTP Basic, and the Tasklist's own REST API with the webapp session and its
 * CSRF token. Both take Camunda's JSON variable format ({@code {"name": {"value": …, "type": …}}}).
 */
public final class EngineDoors {

    public enum Door {
        ENGINE_REST("/engine-rest"),
        TASKLIST_API("/camunda/api/engine/engine/default");

        final String base;

        Door(String base) {
            this.base = base;
        }
    }

    /** An answer: status and body. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine's REST date format ({@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final int port;

    public EngineDoors(int port) {
        this.port = port;
    }

    /** A user at one door: logs into the Tasklist first when the door is the Tasklist's API. */
    public User as(Door door, String userId, String password) {
        return new User(door, userId, password);
    }

    /** A file as a form's file input sends it. */
    public record Upload(String filename, String mimeType, byte[] bytes) {

        /** A form's values as the Java API takes them: each {@link Upload} a File variable. */
        public static Map<String, Object> asEngineVariables(Map<String, Object> form) {
            Map<String, Object> variables = new java.util.HashMap<>();
            form.forEach((name, value) -> variables.put(name, value instanceof Upload upload
                    ? org.camunda.bpm.engine.variable.Variables.fileValue(upload.filename()).file(upload.bytes())
                            .mimeType(upload.mimeType()).create()
                    : value));
            return variables;
        }
    }

    /** Camunda's variable format for simple values; a {@code byte[]} becomes a JPEG File variable, an {@link Upload} a File. */
    public static ObjectNode variables(Map<String, ?> values) {
        ObjectNode variables = JSON.createObjectNode();
        values.forEach((name, value) -> {
            ObjectNode typed = variables.putObject(name);
            if (value instanceof byte[] bytes) {
                typed.put("type", "File").put("value", Base64.getEncoder().encodeToString(bytes));
                typed.putObject("valueInfo").put("filename", name + ".jpg").put("mimeType", "image/jpeg");
            } else if (value instanceof Upload upload) {
                typed.put("type", "File").put("value", Base64.getEncoder().encodeToString(upload.bytes()));
                typed.putObject("valueInfo").put("filename", upload.filename()).put("mimeType", upload.mimeType());
            } else if (value instanceof Boolean flag) {
                typed.put("type", "Boolean").put("value", flag);
            } else if (value instanceof Integer number) {
                typed.put("type", "Integer").put("value", number);
            } else if (value instanceof Long number) {
                typed.put("type", "Long").put("value", number);
            } else if (value instanceof Date date) {
                typed.put("type", "Date").put("value", DATE.format(date.toInstant().atOffset(ZoneOffset.UTC)));
            } else if (value instanceof Number number) {
                typed.put("type", "Double").put("value", number.doubleValue());
            } else {
                typed.put("type", "String").put("value", value == null ? null : value.toString());
            }
        });
        return variables;
    }

    public final class User {
        private final Door door;
        private final String userId;
        private final String password;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;

        private User(Door door, String userId, String password) {
            this.door = door;
            this.userId = userId;
            this.password = password;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
            if (door == Door.TASKLIST_API) {
                logIntoTasklist();
            }
        }

        public Door door() {
            return door;
        }

        /** {@code POST task/{id}/complete} (engine-rest) or {@code task/{id}/submit-form} (the Tasklist's way). */
        public Answer completeTask(String taskId, Map<String, ?> values) {
            String action = door == Door.TASKLIST_API ? "/submit-form" : "/complete";
            return post("/task/" + taskId + action, JSON.createObjectNode().set("variables", variables(values)));
        }

        public Answer putTaskVariable(String taskId, String name, Object value) {
            return send("PUT", "/task/" + taskId + "/variables/" + name, variables(Map.of(name, value)).get(name));
        }

        public Answer modifyTaskVariables(String taskId, Map<String, ?> values) {
            return post("/task/" + taskId + "/variables", JSON.createObjectNode().set("modifications", variables(values)));
        }

        public Answer setDueDate(String taskId, String dueDate) {
            ObjectNode task = JSON.createObjectNode().put("name", "x").putNull("due");
            if (dueDate != null) {
                task.put("due", dueDate);
            }
            return send("PUT", "/task/" + taskId, task);
        }

        /** Starts the latest version of a process: engine-rest's {@code start}, the Tasklist's {@code submit-form}. */
        public Answer start(String processKey, String businessKey, Map<String, ?> values) {
            return startAt("/process-definition/key/" + processKey, businessKey, values);
        }

        /**
         * Starts a process definition by its id: the engine looks the definition up without the user's
         * authorizations, so the start reaches the engine even where the key's look-up answers 404.
         */
        public Answer startById(String processDefinitionId, Map<String, ?> values) {
            return startAt("/process-definition/" + processDefinitionId, null, values);
        }

        private Answer startAt(String definition, String businessKey, Map<String, ?> values) {
            String action = door == Door.TASKLIST_API ? "/submit-form" : "/start";
            ObjectNode body = JSON.createObjectNode().set("variables", variables(values));
            if (businessKey != null) {
                body.put("businessKey", businessKey);
            }
            return post(definition + action, body);
        }

        /** {@code POST task/{id}/claim} for oneself. */
        public Answer claim(String taskId) {
            return post("/task/" + taskId + "/claim", JSON.createObjectNode().put("userId", userId));
        }

        /** {@code POST task/{id}/bpmnError}: throws a BPMN error from the task, with variables. */
        public Answer bpmnError(String taskId, String errorCode, Map<String, ?> values) {
            return post("/task/" + taskId + "/bpmnError", JSON.createObjectNode().put("errorCode", errorCode)
                    .set("variables", variables(values)));
        }

        /** {@code POST task/{id}/bpmnEscalation}: escalates from the task, with variables. */
        public Answer bpmnEscalation(String taskId, String escalationCode, Map<String, ?> values) {
            return post("/task/" + taskId + "/bpmnEscalation", JSON.createObjectNode().put("escalationCode", escalationCode)
                    .set("variables", variables(values)));
        }

        public Answer correlate(String messageName, String businessKey, Map<String, ?> values) {
            ObjectNode body = JSON.createObjectNode().put("messageName", messageName);
            if (businessKey != null) {
                body.put("businessKey", businessKey);
            }
            body.set("processVariables", variables(values));
            return post("/message", body);
        }

        /**
         * {@code POST deployment/create} as the Modeler sends it (multipart), each resource a file part
         * named by its resource name.
         */
        public Answer deploy(String deploymentName, Map<String, byte[]> resources) {
            return deploy(deploymentName, resources, Map.of());
        }

        /**
         * As {@link #deploy(String, Map)}, with further text parts before the files: what Camunda Modeler
         * adds ({@code deployment-source}, {@code enable-duplicate-filtering}) or our {@code comment} (#13).
         */
        public Answer deploy(String deploymentName, Map<String, byte[]> resources, Map<String, String> textParts) {
            String boundary = "anzexian" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            java.util.function.BiConsumer<String, byte[]> part = (disposition, bytes) -> {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(bytes);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            };
            part.accept("name=\"deployment-name\"", deploymentName.getBytes(StandardCharsets.UTF_8));
            textParts.forEach((name, text) -> part.accept("name=\"" + name + "\"", text.getBytes(StandardCharsets.UTF_8)));
            resources.forEach((name, bytes) -> part.accept("name=\"" + name + "\"; filename=\"" + name + "\"", bytes));
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(door.base + "/deployment/create"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            authenticate(request);
            return answer(request);
        }

        public Answer post(String path, JsonNode body) {
            return send("POST", path, body);
        }

        public Answer send(String method, String path, JsonNode body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(door.base + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            authenticate(request);
            return answer(request);
        }

        private void authenticate(HttpRequest.Builder request) {
            if (door == Door.ENGINE_REST) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
            } else {
                request.header("X-XSRF-TOKEN", xsrfToken());
            }
        }

        private void logIntoTasklist() {
            answer(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
            Answer login = answer(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", xsrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password=" + password)));
            if (login.status() != 200) {
                throw new IllegalStateException("Tasklist login of " + userId + " failed: " + login);
            }
            // login starts a new session; its CSRF token comes with the next webapp request, as in the browser
            answer(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        }

        private String xsrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("the webapps set no XSRF-TOKEN cookie"));
        }

        private Answer answer(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
