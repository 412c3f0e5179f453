package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decision that takes microseconds does not wait behind analysis: while a diff, a lint, validations (each a
 * Drools build) and comparisons run, a client asking decisions one after another sees a small p99.
 */
class EventLoopTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DECISION = "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact\",\"region\":\"US\",\"explain\":\"none\"}";
    /**
     * Generous, for a shared 2-core machine where the analysis threads compete with the decisions for CPU: a
     * decision takes well under a millisecond alone; one behind an analysis on the event loop waits for the whole
     * analysis (a validation of mixpanel is a Drools build: seconds, tens of seconds when the machine is busy).
     */
    static final long P99_BOUND_MS = 3000;
    static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        Path base = Files.createTempDirectory("clausewise-eventloop");
        Path root = PolicyDirs.copy(base.resolve("policies"), "tiny", "mixpanel", "pulumi");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1, "clausewise.policies", root.toString(),
                "clausewise.decision-log.dir", base.resolve("log").toString(), "clausewise.analysis.max-concurrent", 16,
                "clausewise.analysis.max-seconds", 60, "clausewise.analysis.max-changes", 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpRequest post(String path, String body, String type) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).timeout(Duration.ofSeconds(120))
                .header("content-type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void decisionsStayFastWhileAnalysisRuns() throws Exception {
        String mixpanel = Files.readString(Path.of("policies-yaml/mixpanel/policy.yaml"));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger analyses = new AtomicInteger();
        ExecutorService background = Executors.newFixedThreadPool(6);
        List<Future<?>> jobs = new ArrayList<>();
        jobs.add(background.submit(() -> call(HttpClient.newHttpClient(), post("/v1/diff", "{\"a\":\"mixpanel\",\"b\":\"pulumi\"}", "application/json"))));
        jobs.add(background.submit(() -> call(HttpClient.newHttpClient(), post("/v1/policies/lint", mixpanel, "application/yaml"))));
        for (int i = 0; i < 3; i++) {
            // Each loop on its own connection, so that every event-loop thread is offered one.
            HttpClient own = HttpClient.newHttpClient();
            jobs.add(background.submit(() -> {
                while (running.get()) {
                    call(own, post("/v1/policies/validate", mixpanel, "application/yaml"));
                    analyses.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(1500);
        List<Long> millis = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        // Eight clients, so eight connections: decisions land on every event-loop thread.
        List<HttpClient> clients = java.util.stream.Stream.generate(HttpClient::newHttpClient).limit(8).toList();
        for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
            HttpClient client = clients.get(i % clients.size());
            long start = System.nanoTime();
            HttpResponse<String> r = client.send(post("/v1/decisions", DECISION, "application/json"), HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, r.statusCode(), r.body());
        }
        running.set(false);
        background.shutdownNow();
        Collections.sort(millis);
        long p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        String figures = millis.size() + " decisions: p50 " + millis.get(millis.size() / 2) + " ms, p99 " + p99 + " ms, max " + millis.get(millis.size() - 1)
                + " ms while " + analyses.get() + " validations, a diff and a lint ran";
        System.out.println(figures);
        assertTrue(analyses.get() > 0, "validations ran during the decisions");
        // On a machine shared with other builds, fewer than 200 may fit in the minute; blocked behind an analysis, a handful would.
        assertTrue(millis.size() >= 50, "at least 50 decisions answered within 60 s: " + figures);
        assertTrue(p99 < P99_BOUND_MS, figures);
    }

    @Test
    void aLargeDiffReplyIsBoundedAndSaysSo() throws Exception {
        String tiny = Files.readString(Path.of("src/test/resources/fixtures/tiny/policy.yaml"));
        // Three statements flipped: at least three changes, of which the reply lists clausewise.analysis.max-changes (2).
        String flipped = tiny.replace("    data: [user.contact.email, user.name]\n    effect: allow", "    data: [user.contact.email, user.name]\n    effect: deny")
                .replace("    data: user.device.cookie_id\n    effect: allow", "    data: user.device.cookie_id\n    effect: deny")
                .replace("    practice: share.sell\n    effect: deny", "    practice: share.sell\n    effect: allow");
        String boundary = "----clausewise";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + tiny + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n" + flipped + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(post("/v1/diff", body, "multipart/form-data; boundary=" + boundary),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reply = JSON.readTree(r.body());
        assertEquals(2, reply.get("changes").size());
        assertTrue(reply.get("truncated").asBoolean());
        assertTrue(reply.get("totalChanges").asInt() > 2, r.body());
    }

    private static Object call(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
