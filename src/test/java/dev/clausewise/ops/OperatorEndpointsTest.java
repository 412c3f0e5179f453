package dev.clausewise.ops;

import static dev.clausewise.ops.ServiceOperationsTest.decide;
import static dev.clausewise.ops.ServiceOperationsTest.eventually;
import static dev.clausewise.ops.ServiceOperationsTest.json;
import static dev.clausewise.ops.ServiceOperationsTest.metric;
import static dev.clausewise.ops.ServiceOperationsTest.quietly;
import static dev.clausewise.ops.ServiceOperationsTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators and their tooling read: Prometheus metrics, the Kubernetes probes, and response compression. */
class OperatorEndpointsTest {
    static EmbeddedServer server(Path policies, Path log, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("micronaut.server.port", -1);
        props.put("clausewise.policies", policies.toString());
        props.put("clausewise.decision-log.dir", log.toString());
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    @Test
    void metricsCountDecisionsRequestsTheSinkAndTheJvm(@TempDir Path dir) throws Exception {
        try (EmbeddedServer s = server(PolicyDirs.copy(dir.resolve("p"), "tiny"), dir.resolve("log"), Map.of())) {
            assertEquals("DENY", decide(s).get("outcome").asText());
            assertEquals(400, send(s, "POST", "/v1/decisions", "{\"policy\":\"tiny\",\"practice\":\"colect\"}", "content-type", "application/json").statusCode());

            assertEquals(1, metric(s, "clausewise_decisions_total{outcome=\"DENY\",policy=\"tiny\"}"));
            assertEquals(1, metric(s, "clausewise_decision_seconds_count{outcome=\"DENY\",policy=\"tiny\"}"));
            assertEquals(1, metric(s, "clausewise_decision_seconds_bucket{outcome=\"DENY\",policy=\"tiny\",le=\"+Inf\"}"));
            assertEquals(0, metric(s, "clausewise_decision_seconds_bucket{outcome=\"DENY\",policy=\"tiny\",le=\"5.0E-6\"}"),
                    "no decision is answered in 5 µs: the lowest bucket is below the real range");
            assertTrue(metric(s, "clausewise_decision_seconds_sum{outcome=\"DENY\",policy=\"tiny\"}") > 0);
            assertEquals(1, metric(s, "clausewise_policies_loaded"));
            assertEquals(0, metric(s, "clausewise_policies_refused"));
            assertEquals(1, metric(s, "http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"200\",uri=\"/v1/decisions\"}"));
            assertEquals(1, metric(s, "http_server_requests_seconds_count{exception=\"ProblemException\",method=\"POST\",status=\"400\",uri=\"/v1/decisions\"}"));
            assertTrue(metric(s, "jvm_threads_live_threads") > 0);
            assertTrue(metric(s, "jvm_classes_loaded_classes") > 0);
            assertTrue(metric(s, "process_uptime_seconds") > 0);
            assertTrue(metric(s, "process_cpu_usage") >= 0);
            eventually("the decision is written", v -> quietly(() -> metric(s, "clausewise_decision_log_written_total{sink=\"file\"}") == 1));
            assertEquals(0, metric(s, "clausewise_decision_log_queued{sink=\"file\"}"));
            assertEquals(0, metric(s, "clausewise_decision_log_dropped_total{sink=\"file\"}"));
            assertEquals(0, metric(s, "clausewise_decision_log_failures_total{sink=\"file\"}"));
            assertEquals(1, metric(s, "clausewise_decision_log_up{sink=\"file\"}"));
            assertTrue(send(s, "GET", "/metrics", null).headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        }
    }

    @Test
    void withNoPolicyLoadedReadinessIs503AndLivenessStays200(@TempDir Path dir) throws Exception {
        try (EmbeddedServer s = server(PolicyDirs.copy(dir.resolve("p")), dir.resolve("log"), Map.of())) {
            var ready = send(s, "GET", "/health/readiness", null);
            assertEquals(503, ready.statusCode());
            assertEquals("DOWN", json(ready).get("status").asText());
            assertEquals("no policy is loaded", json(ready).get("reasons").get(0).asText());
            var live = send(s, "GET", "/health/liveness", null);
            assertEquals(200, live.statusCode());
            assertEquals("UP", json(live).get("status").asText());
            var health = send(s, "GET", "/health", null);
            assertEquals(200, health.statusCode());
            assertFalse(json(health).get("ready").asBoolean());
        }
    }

    @Test
    void aPolicyLoadedMakesItReady(@TempDir Path dir) throws Exception {
        try (EmbeddedServer s = server(PolicyDirs.copy(dir.resolve("p"), "tiny"), dir.resolve("log"), Map.of())) {
            var ready = send(s, "GET", "/health/readiness", null);
            assertEquals(200, ready.statusCode());
            assertEquals("UP", json(ready).get("status").asText());
            assertEquals(0, json(ready).get("reasons").size());
            JsonNode health = json(send(s, "GET", "/health", null));
            assertTrue(health.get("ready").asBoolean());
            assertEquals("UP", health.get("decisionLog").get("status").asText());
        }
    }

    /** A directory where the log file should be makes every write fail, as a full or read-only disk does. */
    @Test
    void aFailingDecisionLogMakesItNotReadyUntilItWritesAgain(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log");
        Files.createDirectories(log.resolve("decisions.jsonl"));
        try (EmbeddedServer s = server(PolicyDirs.copy(dir.resolve("p"), "tiny"), log, Map.of())) {
            decide(s);
            eventually("the sink fails", v -> quietly(() -> send(s, "GET", "/health/readiness", null).statusCode() == 503));
            JsonNode reasons = json(send(s, "GET", "/health/readiness", null)).get("reasons");
            assertTrue(reasons.get(0).asText().startsWith("the decision log sink file is down"), reasons.toString());
            assertEquals(200, send(s, "GET", "/health/liveness", null).statusCode());
            assertEquals(0, metric(s, "clausewise_decision_log_up{sink=\"file\"}"));
            assertTrue(metric(s, "clausewise_decision_log_failures_total{sink=\"file\"}") >= 1);
            assertEquals("DEGRADED", json(send(s, "GET", "/health", null)).get("status").asText());

            Files.delete(log.resolve("decisions.jsonl"));
            eventually("the sink recovers", v -> quietly(() -> send(s, "GET", "/health/readiness", null).statusCode() == 200));
        }
    }

    @Test
    void readinessCanIgnoreTheDecisionLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log");
        Files.createDirectories(log.resolve("decisions.jsonl"));
        try (EmbeddedServer s = server(PolicyDirs.copy(dir.resolve("p"), "tiny"), log, Map.of("clausewise.health.readiness.decision-log", false))) {
            decide(s);
            eventually("the sink fails", v -> quietly(() -> metric(s, "clausewise_decision_log_up{sink=\"file\"}") == 0));
            assertEquals(200, send(s, "GET", "/health/readiness", null).statusCode());
        }
    }

    /** Raw HTTP/1.1, so that no client library adds or strips an encoding. */
    @Test
    void aWildcardAcceptEncodingGetsGzip(@TempDir Path dir) throws Exception {
        try (EmbeddedServer s = server(PolicyDirs.copy(dir.resolve("p"), "tiny"), dir.resolve("log"), Map.of())) {
            Raw star = raw(s, "*");
            assertEquals("gzip", star.headers().get("content-encoding"), star.headers().toString());
            assertTrue(gunzip(star.body()).contains("\"region\""));
            assertEquals("gzip", raw(s, "br;q=1.0, *;q=0.5").headers().get("content-encoding"));
            assertEquals("zstd", raw(s, "zstd, *").headers().get("content-encoding"), "an encoding the client names keeps its weight");
            assertEquals(null, raw(s, "identity, *;q=0").headers().get("content-encoding"));
        }
    }

    record Raw(Map<String, String> headers, byte[] body) {
    }

    /** GET /v1/vocabulary (large enough to be compressed) with one Accept-Encoding header, read to the end. */
    static Raw raw(EmbeddedServer s, String acceptEncoding) throws Exception {
        try (Socket socket = new Socket("localhost", s.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/vocabulary HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: " + acceptEncoding + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Map<String, String> headers = new HashMap<>();
            String[] lines = new String(all, 0, end, StandardCharsets.US_ASCII).split("\r\n");
            assertTrue(lines[0].contains(" 200 "), lines[0]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            return new Raw(headers, "chunked".equals(headers.get("transfer-encoding")) ? dechunk(body) : body);
        }
    }

    static String gunzip(byte[] body) throws Exception {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] dechunk(byte[] body) {
        var out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, i, body.length), "\r\n".getBytes(StandardCharsets.US_ASCII)) + i;
            int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + new String(needle, StandardCharsets.US_ASCII).replace("\r\n", "CRLF") + " in the response");
    }
}
