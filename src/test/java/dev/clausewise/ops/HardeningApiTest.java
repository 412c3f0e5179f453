package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service configured with tight budgets and analysis behind the token: one analysis at a time (429 with
 * Retry-After beyond), a 3 s time budget (503 naming it), ids from requests checked before any file is read,
 * PUT writing world-readable files, over-long values refused naming the field.
 */
class HardeningApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TOKEN = "t0k3n";
    static Path root;
    static EmbeddedServer server;

    @BeforeAll
    static void start() throws IOException {
        Path base = Files.createTempDirectory("clausewise-hardening");
        root = PolicyDirs.copy(base.resolve("policies"), "tiny", "mixpanel", "pulumi");
        Files.createDirectories(base.resolve("outside"));
        Files.writeString(base.resolve("outside/source.txt"), "The launch code of the vault is swordfish and nobody must read it.\n");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1, "clausewise.policies", root.toString(),
                "clausewise.decision-log.dir", base.resolve("log").toString(), "clausewise.authoring.token", TOKEN,
                "clausewise.analysis.require-token", true, "clausewise.analysis.max-concurrent", 1, "clausewise.analysis.max-seconds", 3));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpRequest request(String method, String path, String body, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return r.build();
    }

    static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return HTTP.send(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> authorized(String method, String path, String body, String contentType) throws Exception {
        return send(method, path, body, "Authorization", "Bearer " + TOKEN, "content-type", contentType);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static final String SLOW_DIFF = "{\"a\":\"mixpanel\",\"b\":\"pulumi\"}";

    @Test
    void aSecondAnalysisWhileOneRunsIs429WithRetryAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(request("POST", "/v1/diff", SLOW_DIFF,
                "Authorization", "Bearer " + TOKEN, "content-type", "application/json"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(700);
        HttpResponse<String> second = authorized("POST", "/v1/diff", SLOW_DIFF, "application/json");
        assertEquals(429, second.statusCode(), second.body());
        assertEquals("too_many_analyses", json(second).get("code").asText());
        assertTrue(json(second).get("message").asText().contains("clausewise.analysis.max-concurrent"));
        assertTrue(Integer.parseInt(second.headers().firstValue("Retry-After").orElseThrow()) > 0);
        HttpResponse<String> done = first.get();
        // The first diff (23 CPU-s unbounded) is stopped by the 3 s budget, with an error that names the budget.
        assertEquals(503, done.statusCode(), done.body());
        assertEquals("time_budget_exceeded", json(done).get("code").asText());
        assertTrue(json(done).get("message").asText().contains("clausewise.analysis.max-seconds"), done.body());
        // The place is free again afterwards.
        assertEquals(200, authorized("GET", "/v1/compare?practice=share&data=user.contact", null, "application/json").statusCode());
    }

    @Test
    void analysisNeedsTheTokenWhenConfigured() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/v1/compare?practice=share", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("unauthorized", json(anonymous).get("code").asText());
        HttpResponse<String> wrong = send("POST", "/v1/policies/lint", "policy: tiny\n", "Authorization", "Bearer nope", "content-type", "application/yaml");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, send("POST", "/v1/diff", SLOW_DIFF, "content-type", "application/json").statusCode());
        // Decisions stay open.
        assertEquals(200, send("POST", "/v1/decisions", "{\"policy\":\"tiny\",\"practice\":\"share.sell\",\"explain\":\"none\"}",
                "content-type", "application/json").statusCode());
    }

    @Test
    void validateNeverReadsAFileOutsideThePoliciesFolder() throws Exception {
        String yaml = "policy: ../outside\nsource: {document: x}\nstatements:\n  - id: a\n    practice: collect.direct\n    effect: allow\n"
                + "    cite: {section: S, quote: \"The launch code of the vault\"}\n";
        HttpResponse<String> fromYaml = authorized("POST", "/v1/policies/validate", yaml, "application/yaml");
        assertFalse(fromYaml.body().contains("swordfish"), fromYaml.body());
        assertTrue(fromYaml.body().contains("invalid_id"), fromYaml.body());
        HttpResponse<String> fromQuery = authorized("POST", "/v1/policies/validate?id=..%2Foutside", yaml.replace("../outside", "tiny"), "application/yaml");
        assertEquals(400, fromQuery.statusCode(), fromQuery.body());
        assertEquals("id", json(fromQuery).get("errors").get(0).get("field").asText());
        assertFalse(fromQuery.body().contains("swordfish"));
    }

    @Test
    void putWritesAPolicyFileEveryoneCanRead() throws Exception {
        String yaml = Files.readString(root.resolve("tiny/policy.yaml")).replace("Tiny fixture policy", "Tiny, uploaded");
        HttpResponse<String> r = authorized("PUT", "/v1/policies/tiny", yaml, "application/yaml");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tiny/policy.yaml"))));
    }

    @Test
    void overLongValuesAreRefusedNamingTheField() throws Exception {
        String data = "user.".repeat(50_000);
        long start = System.nanoTime();
        HttpResponse<String> r = send("POST", "/v1/decisions", "{\"policy\":\"tiny\",\"practice\":\"share.sell\",\"data\":\"" + data + "\"}",
                "content-type", "application/json");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("value_too_long", json(r).get("code").asText());
        assertEquals("data", json(r).get("errors").get(0).get("field").asText());
        assertTrue(r.body().length() < 2000, "the reply does not echo the value");
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        HttpResponse<String> key = send("POST", "/v1/decisions", "{\"policy\":\"tiny\",\"" + "k".repeat(100_000) + "\":1}", "content-type", "application/json");
        assertEquals(400, key.statusCode());
        assertTrue(key.body().length() < 2000, "an unknown field's name is clipped in the reply");
    }
}
