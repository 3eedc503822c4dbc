package dev.pauta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for tests against a running server; answers are parsed JSON. Every answer to an API path is
 * checked against the OpenAPI document that server serves (fetched once per server), so each API test is also a
 * contract test: an undocumented status, a missing required field or an unmarked null fails the test that got it.
 */
public final class Http {

    /** One answer: status, content type, the JSON body (null when it is not JSON) and the raw bytes. */
    public record Reply(int status, String contentType, JsonNode body, byte[] bytes) {
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, OpenApiInteractionValidator> CONTRACTS = new ConcurrentHashMap<>();

    private final HttpClient client = CLIENT;
    private final String base;
    private final String authorization;

    public Http(int port) {
        this("http://localhost:" + port, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The admin password of the test profile (application-test.properties). */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    /** A client authenticated as the test profile's admin (who holds every role). */
    public static Http admin(int port) {
        return new Http(port).as(basic("admin", ADMIN_PASSWORD));
    }

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A client that sends this Authorization header with every request. */
    public Http as(String authorizationHeader) {
        return new Http(base, authorizationHeader);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, Object body) {
        return post(path, JSON.writeValueAsString(body));
    }

    public Reply postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Any method, with a JSON body or none. */
    public Reply request(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder);
    }

    /** Any method with extra headers and a raw body (null for none) of the given content type. */
    public Reply request(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Fails the calling test when an API answer is not what the served document says this operation answers. */
    private void checkContract(HttpResponse<byte[]> response, String type) {
        String path = response.uri().getRawPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        Request.Method method;
        try {
            method = Request.Method.valueOf(response.request().method());
        } catch (IllegalArgumentException notAMethodTheDocumentCanHave) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        if (!type.isEmpty()) {
            answer.withContentType(type);
        }
        ValidationReport report = contract().validateResponse(path, method, answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + response.statusCode() + ") breaks the served OpenAPI document:\n"
                    + report.getMessages().stream().map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(java.util.stream.Collectors.joining("\n"))
                    + "\nbody: " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private OpenApiInteractionValidator contract() {
        return CONTRACTS.computeIfAbsent(base, b -> {
            try {
                HttpResponse<String> document = CLIENT.send(HttpRequest.newBuilder(URI.create(b + "/v3/api-docs")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                        .withLevelResolver(LevelResolver.create()
                                // paths and methods the document does not name are refused by the security rules; AccessTest covers them
                                .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                                .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private Reply send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && response.body().length > 0 ? JSON.readTree(response.body()) : null;
            checkContract(response, type);
            return new Reply(response.statusCode(), type, body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
