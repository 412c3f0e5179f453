package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service as operators run it: two instances on one policies folder (same digests, same answers, a reload
 * seen by both), hot reload with last-good, authoring over REST, batch, validation, scenarios, metrics, the
 * decision log.
 */
class ServiceOperationsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SALE = "{\"policy\":\"tiny\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\",\"region\":\"US\",\"explain\":\"none\"}";
    static Path root;
    static EmbeddedServer a;
    static EmbeddedServer b;

    @BeforeAll
    static void start() throws IOException {
        root = PolicyDirs.copy(Files.createTempDirectory("clausewise-ops"), "tiny");
        a = server(Map.of("clausewise.authoring.token", "s3cret", "clausewise.batch.max-queries", 3));
        b = server(Map.of());
    }

    static EmbeddedServer server(Map<String, Object> extra) throws IOException {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("micronaut.server.port", -1);
        props.put("clausewise.policies", root.toString());
        props.put("clausewise.decision-log.dir", Files.createTempDirectory("clausewise-log").toString());
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    static HttpResponse<String> send(EmbeddedServer s, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + s.getPort() + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static JsonNode decide(EmbeddedServer s) throws Exception {
        return json(send(s, "POST", "/v1/decisions", SALE, "content-type", "application/json"));
    }

    /** The value of one series (name and labels as Prometheus prints them) in the server's /metrics; fails when absent. */
    static double metric(EmbeddedServer s, String series) throws Exception {
        HttpResponse<String> r = send(s, "GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        return r.body().lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError(series + " not in /metrics:\n" + r.body()));
    }

    static String digest(EmbeddedServer s) throws Exception {
        return json(send(s, "GET", "/health", null)).get("policies").get("tiny").get("digest").asText();
    }

    /** Generous on purpose: a reload on a loaded 2-core machine can take many seconds; speed is measured in bench/. */
    static void eventually(String what, Predicate<Void> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.test(null)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    static boolean quietly(java.util.concurrent.Callable<Boolean> c) {
        try {
            return c.call();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void twoInstancesAgreeAndBothSeeAReloadAndARefusal() throws Exception {
        String before = digest(a);
        assertEquals(before, digest(b));
        assertEquals(decide(a).get("outcome"), decide(b).get("outcome"));

        Path file = root.resolve("tiny/policy.yaml");
        String original = Files.readString(file);
        PolicyDirs.write(file, original.replace("title: Tiny fixture policy", "title: Tiny fixture policy, edited"));
        eventually("both instances reload", v -> quietly(() -> !digest(a).equals(before) && digest(a).equals(digest(b))));

        String good = digest(a);
        PolicyDirs.write(file, original.replace("share.sell", "share.sel"));
        eventually("both instances refuse", v -> quietly(() -> json(send(b, "GET", "/health", null)).get("refused").has("tiny")
                && json(send(a, "GET", "/health", null)).get("refused").has("tiny")));
        assertEquals(good, digest(a));
        assertEquals(good, digest(b));
        assertEquals("DENY", decide(b).get("outcome").asText());
        JsonNode refused = json(send(a, "GET", "/health", null)).get("refused").get("tiny");
        assertTrue(refused.get(0).asText().contains("unknown_practice"), refused.toString());
        assertTrue(metric(a, "clausewise_policy_reloads_total{policy=\"tiny\",result=\"refused\"}") >= 1);

        PolicyDirs.write(file, original);
        eventually("both instances recover", v -> quietly(() -> digest(a).equals(before) && digest(b).equals(before)));
    }

    @Test
    void authoringNeedsTheTokenAndRefusesABrokenPolicy() throws Exception {
        String yaml = Files.readString(Path.of("src/test/resources/fixtures/tiny/policy.yaml"));
        assertEquals(403, send(b, "PUT", "/v1/policies/tiny", yaml, "content-type", "application/yaml").statusCode());
        assertEquals(401, send(a, "PUT", "/v1/policies/tiny", yaml, "content-type", "application/yaml").statusCode());
        assertEquals(401, send(a, "PUT", "/v1/policies/tiny", yaml, "content-type", "application/yaml", "Authorization", "Bearer wrong").statusCode());
        HttpResponse<String> refused = send(a, "PUT", "/v1/policies/tiny", yaml.replace("share.sell", "share.sel"),
                "content-type", "application/yaml", "Authorization", "Bearer s3cret");
        assertEquals(422, refused.statusCode());
        assertEquals("unknown_practice", json(refused).get("diagnostics").get(0).get("code").asText());
        assertEquals(yaml, Files.readString(root.resolve("tiny/policy.yaml")), "a refused upload writes nothing");
        HttpResponse<String> ok = send(a, "PUT", "/v1/policies/tiny", yaml, "content-type", "application/yaml", "Authorization", "Bearer s3cret");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(json(ok).get("ok").asBoolean());
    }

    @Test
    void batchAnswersInOrderAndABadQuestionGetsItsOwnError() throws Exception {
        String body = "{\"queries\":[" + SALE + ",{\"policy\":\"tiny\",\"practice\":\"shar\"}," + SALE.replace("share.sell", "collect.direct") + "]}";
        JsonNode answers = json(send(a, "POST", "/v1/decisions/batch", body, "content-type", "application/json")).get("answers");
        assertEquals(3, answers.size());
        assertEquals("DENY", answers.get(0).get("decision").get("outcome").asText());
        assertEquals("queries[1].practice", answers.get(1).get("error").get("errors").get(0).get("field").asText());
        assertEquals("ALLOW", answers.get(2).get("decision").get("outcome").asText());
        String tooMany = "{\"queries\":[" + String.join(",", java.util.Collections.nCopies(4, SALE)) + "]}";
        assertEquals(413, send(a, "POST", "/v1/decisions/batch", tooMany, "content-type", "application/json").statusCode());
    }

    @Test
    void validateAndScenarioEndpoints() throws Exception {
        String broken = Files.readString(Path.of("src/test/resources/fixtures/tiny/policy.yaml")).replace("user.contact.email", "user.contact.emial");
        JsonNode v = json(send(a, "POST", "/v1/policies/validate", broken, "content-type", "application/yaml"));
        assertTrue(!v.get("ok").asBoolean());
        assertEquals("unknown_data_category", v.get("diagnostics").get(0).get("code").asText());
        assertEquals(7, v.get("diagnostics").get(0).get("line").asInt());
        String suite = "policy: tiny\nscenarios:\n  - name: no sale\n    query: {practice: share.sell}\n    expect: {outcome: DENY}\n"
                + "  - name: wrong\n    query: {practice: share.sell}\n    expect: {outcome: ALLOW}\n";
        JsonNode run = json(send(a, "POST", "/v1/scenarios/run", suite, "content-type", "application/yaml"));
        assertEquals(1, run.get("passed").asInt());
        assertEquals("FAIL", run.get("results").get(1).get("status").asText());
    }

    @Test
    void decisionsAreLoggedAndReadBackAndCounted() throws Exception {
        JsonNode d = decide(b);
        String id = d.get("decisionId").asText();
        JsonNode logged = json(send(b, "GET", "/v1/decisions/" + id, null));
        assertEquals(id, logged.get("id").asText());
        assertEquals("DENY", logged.get("outcome").asText());
        assertEquals(d.get("policy").get("digest").asText(), logged.get("digest").asText());
        assertEquals(404, send(b, "GET", "/v1/decisions/no-such-id", null).statusCode());
        assertTrue(metric(b, "clausewise_decisions_total{outcome=\"DENY\",policy=\"tiny\"}") >= 1);
    }

    @Test
    void frameworkErrorsAreProblemJson() throws Exception {
        HttpResponse<String> r = send(a, "GET", "/no/such/route", null);
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
        assertEquals("not_found", json(r).get("code").asText());
        HttpResponse<String> big = send(a, "POST", "/v1/decisions", "{\"policy\":\"" + "x".repeat(2_000_000) + "\"}", "content-type", "application/json");
        assertEquals(413, big.statusCode());
    }
}
