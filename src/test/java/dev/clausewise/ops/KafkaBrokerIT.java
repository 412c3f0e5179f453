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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka sink against a real broker (Kafka 4, KRaft, a child JVM on 127.0.0.1): two services share it, one
 * configured to keep what the broker does not take in its local file log (fallback: file), one to count it as
 * dropped (fallback: drop). Decisions are asked with the broker up, after it is killed (SIGKILL) and after it is
 * restarted on the same data. Every answered decision is then on the topic under its id, in the fallback file,
 * or (drop) counted in /metrics; with the broker down the decisions answer in normal time and the failures show
 * in /metrics and /health.
 */
class KafkaBrokerIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    static final String QUESTION = "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\","
            + "\"recipient\":\"third_party.unnamed\",\"region\":\"US\"}";
    static final String KEEP = "decisions-keep";
    static final String DROP = "decisions-drop";
    /** How long the producer keeps trying a record; with the broker down, the failures show after this. */
    static final int DELIVERY_TIMEOUT_MS = 8_000;
    static final Duration SETTLE = Duration.ofSeconds(180);

    static Path base;
    static KafkaBroker broker;
    static EmbeddedServer keep;
    static EmbeddedServer drop;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createDirectories(Path.of("target/kafka-broker-it")).resolve("run-" + System.currentTimeMillis());
        broker = KafkaBroker.format(base.resolve("broker"));
        broker.createTopics(KEEP, DROP);
        Path policies = PolicyDirs.copy(base.resolve("policies"), "mixpanel");
        keep = service(policies, KEEP, "file", base.resolve("keep-log"));
        drop = service(policies, DROP, "drop", base.resolve("drop-log"));
    }

    static EmbeddedServer service(Path policies, String topic, String fallback, Path logDir) {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("clausewise.policies", policies.toString());
        p.put("clausewise.watch", false);
        p.put("clausewise.decision-log.dir", logDir.toString());
        p.put("clausewise.decision-log.kafka.bootstrap-servers", broker.bootstrap());
        p.put("clausewise.decision-log.kafka.topic", topic);
        p.put("clausewise.decision-log.kafka.fallback", fallback);
        p.put("clausewise.decision-log.kafka.delivery-timeout-ms", DELIVERY_TIMEOUT_MS);
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    @AfterAll
    static void stop() throws Exception {
        for (EmbeddedServer s : new EmbeddedServer[] {keep, drop}) {
            if (s != null) {
                s.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyAnsweredDecisionIsOnTheTopicInTheFallbackOrCounted() throws Exception {
        List<String> keepIds = new ArrayList<>();
        List<String> dropIds = new ArrayList<>();

        List<Long> up = ask(100, keepIds, dropIds);
        // The first send waits at most max-block-ms for the topic's metadata; a record that could not wait is not sent.
        eventually("the broker acknowledged the first decisions", () -> metric(keep, "clausewise_decision_log_written_total")
                + loggedIds(base.resolve("keep-log")).size() >= 100
                && metric(drop, "clausewise_decision_log_written_total") + metric(drop, "clausewise_decision_log_dropped_total") >= 100);
        Set<String> fellBackAtStart = loggedIds(base.resolve("keep-log"));
        assertTrue(fellBackAtStart.size() <= 5, "at most the first few decisions miss the topic's metadata: " + fellBackAtStart.size());
        Map<String, String> onTopic = consume(KEEP);
        for (String id : keepIds.stream().filter(id -> !fellBackAtStart.contains(id)).toList()) {
            assertTrue(onTopic.containsKey(id), "decision " + id + " is on the topic under its id");
            assertEquals(id, JSON.readTree(onTopic.get(id)).get("id").asText(), "the record keyed " + id + " is that decision");
        }

        broker.kill();
        List<Long> down = ask(200, keepIds, dropIds);
        for (EmbeddedServer s : new EmbeddedServer[] {keep, drop}) {
            eventually("the failures show in /metrics and /health", () -> metric(s, "clausewise_decision_log_failures_total") > 0
                    && "DOWN".equals(health(s).path("decisionLog").path("status").asText()));
            JsonNode h = health(s);
            assertEquals("DEGRADED", h.get("status").asText(), h.toString());
            assertEquals(0.0, metric(s, "clausewise_decision_log_up"), "the sink is down in /metrics");
            assertTrue(h.path("decisionLog").path("lastError").asText().contains("Exception"), h.toString());
        }
        // Answered while the broker was gone: the request only enqueues. A send that waited for the broker would take
        // the delivery timeout (8 s) per decision.
        assertTrue(percentile(down, 50) < 1_000, "median decision with the broker down: " + percentile(down, 50) + " ms");
        assertTrue(percentile(down, 99) < 5_000, "p99 decision with the broker down: " + percentile(down, 99) + " ms");

        broker.start();
        List<Long> after = ask(50, keepIds, dropIds);

        // fallback: file — each answered decision is on the topic or in the local log, none lost.
        Set<String> missing = new HashSet<>(keepIds);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, String> keptOnTopic = Map.of();
        Set<String> inFile = Set.of();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            keptOnTopic = consume(KEEP);
            inFile = loggedIds(base.resolve("keep-log"));
            missing.removeAll(keptOnTopic.keySet());
            missing.removeAll(inFile);
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        assertEquals(Set.of(), missing, "answered decisions neither on the topic nor in the fallback file");
        assertTrue(!inFile.isEmpty(), "some decisions went to the fallback file: the broker-down path was exercised");

        // fallback: drop — each answered decision is on the topic or counted as dropped.
        eventually("every decision of the drop service is sent or counted", () ->
                metric(drop, "clausewise_decision_log_written_total") + metric(drop, "clausewise_decision_log_dropped_total") >= dropIds.size());
        Map<String, String> droppedOnTopic = consume(DROP);
        long lost = dropIds.stream().filter(id -> !droppedOnTopic.containsKey(id)).count();
        double counted = metric(drop, "clausewise_decision_log_dropped_total");
        assertTrue(lost > 0, "the broker-down phase lost records of the drop service (else this proves nothing)");
        assertTrue(lost <= counted, lost + " decisions are not on the topic, " + counted + " were counted as dropped");
        assertEquals((long) counted, health(drop).path("decisionLog").path("dropped").asLong(), "/health and /metrics agree");

        System.out.printf("kafka broker test: %d decisions per service (%d broker up, %d after it was killed, %d after its restart); "
                        + "p50/p99 ms up %d/%d, down %d/%d, after restart %d/%d; keep: %d on the topic, %d in the fallback file, 0 lost; "
                        + "drop: %d not on the topic, %.0f counted as dropped%n",
                keepIds.size(), up.size() / 2, down.size() / 2, after.size() / 2, percentile(up, 50), percentile(up, 99), percentile(down, 50),
                percentile(down, 99), percentile(after, 50), percentile(after, 99), keptOnTopic.size(), inFile.size(), lost, counted);
    }

    /** Asks {@code n} decisions of each service; returns each request's time in ms. */
    static List<Long> ask(int n, List<String> keepIds, List<String> dropIds) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            millis.add(decide(keep, keepIds));
            millis.add(decide(drop, dropIds));
        }
        return millis;
    }

    static long decide(EmbeddedServer s, List<String> ids) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.getPort() + "/v1/decisions"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION)).build(), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        ids.add(JSON.readTree(r.body()).get("decisionId").asText());
        return ms;
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String get(EmbeddedServer s, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.getPort() + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode health(EmbeddedServer s) {
        try {
            return JSON.readTree(get(s, "/health"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decision-log sample of /metrics for the kafka sink, whatever other labels or number format it has. */
    static double metric(EmbeddedServer s, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*sink=\"kafka\"[^}]*\\}\\s+(\\S+)$").matcher(get(s, "/metrics"));
        if (!m.find()) {
            throw new AssertionError("/metrics has no " + name + "{sink=\"kafka\"}");
        }
        return Double.parseDouble(m.group(1));
    }

    /** The topic's records from the start up to its current end, by key. */
    static Map<String, String> consume(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        Map<String, String> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    byKey.put(r.key(), r.value());
                }
            }
        }
        return byKey;
    }

    /** The decision ids in a file decision log (every whole line must parse). */
    static Set<String> loggedIds(Path dir) {
        Set<String> ids = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                String text = Files.readString(f);
                // Only whole lines: the writer may be halfway through the last one.
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                    if (!line.isEmpty()) {
                        ids.add(JSON.readTree(line).get("id").asText());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    static void eventually(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + SETTLE + " waiting until " + what + "; broker logs: " + broker.logs().keySet()
                        + " in " + base);
            }
            Thread.sleep(250);
        }
    }
}
