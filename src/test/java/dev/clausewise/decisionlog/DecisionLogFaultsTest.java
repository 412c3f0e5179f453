package dev.clausewise.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision log under faults: a file that cannot be written, a full queue, a line cut by a crash, a broker that is down. */
class DecisionLogFaultsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static DecisionRecord record(String id) {
        return DecisionSinkTest.record(id);
    }

    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    static void everyLineParses(Path file) throws Exception {
        for (String line : Files.readAllLines(file)) {
            JSON.readTree(line);
        }
    }

    @Test
    void aWriteErrorIsRetriedReportedAndNothingQueuedIsLost(@TempDir Path dir) throws Exception {
        Path current = dir.resolve("decisions.jsonl");
        Files.createDirectories(current);
        FileDecisionSink sink = new FileDecisionSink(dir, 1_000_000, 3);
        for (int i = 0; i < 20; i++) {
            sink.append(record("d-" + i));
        }
        eventually("the sink reports DOWN", () -> sink.health().status() == SinkHealth.Status.DOWN);
        assertTrue(sink.health().failures() > 0);
        assertTrue(sink.health().lastError() != null);
        long start = System.nanoTime();
        assertTrue(sink.find("d-3").isEmpty());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a read-back while the writer fails does not wait forever");
        Files.delete(current);
        eventually("the writer recovers", () -> sink.health().status() == SinkHealth.Status.UP);
        sink.flush();
        assertEquals(20, Files.readAllLines(current).size());
        assertEquals(20, sink.health().written());
        assertEquals(0, sink.health().dropped());
        assertTrue(sink.find("d-3").isPresent());
        sink.close();
    }

    @Test
    void aFullQueueDropsWithACountNeverSilently(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("decisions.jsonl"));
        FileDecisionSink sink = new FileDecisionSink(dir, new FileDecisionSink.Settings(1_000_000, 3, 10, FileDecisionSink.WhenFull.DROP, 0, 200));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            sink.append(record("d-" + i));
        }
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "appends do not wait for a failing writer");
        SinkHealth h = sink.health();
        assertTrue(h.dropped() >= 89, h.toString());
        assertTrue(h.queued() <= 10, h.toString());
        Files.delete(dir.resolve("decisions.jsonl"));
        eventually("the writer recovers", () -> sink.health().queued() == 0 && sink.health().status() != SinkHealth.Status.DOWN);
        sink.flush();
        assertEquals(SinkHealth.Status.DEGRADED, sink.health().status(), "records were lost: the sink says so");
        assertEquals(100, sink.health().written() + sink.health().dropped());
        sink.close();
    }

    @Test
    void anErrorInTheWritePathDropsThatRecordWithACountAndTheWriterGoesOn(@TempDir Path dir) throws Exception {
        FileDecisionSink sink = new FileDecisionSink(dir, 1_000_000, 3);
        sink.beforeWrite = id -> {
            if (id.equals("boom")) {
                throw new OutOfMemoryError("Java heap space (injected)");
            }
        };
        for (int i = 0; i < 5; i++) {
            sink.append(record("e-" + i));
        }
        sink.append(record("boom"));
        for (int i = 5; i < 10; i++) {
            sink.append(record("e-" + i));
        }
        eventually("the writer goes on after the Error", () -> sink.health().written() == 10);
        SinkHealth h = sink.health();
        assertEquals(1, h.dropped(), "the record being written is lost and counted: " + h);
        assertTrue(h.failures() >= 1, h.toString());
        assertTrue(h.lastError().contains("OutOfMemoryError"), h.toString());
        eventually("a record was lost: the sink says so", () -> sink.health().status() == SinkHealth.Status.DEGRADED);
        sink.append(record("after"));
        sink.flush();
        assertTrue(sink.find("after").isPresent());
        assertTrue(sink.find("e-9").isPresent());
        assertEquals(11, Files.readAllLines(dir.resolve("decisions.jsonl")).size());
        everyLineParses(dir.resolve("decisions.jsonl"));
        sink.close();
    }

    @Test
    void aWriterThatStopsAnywayIsDownAndWhatIsAppendedAfterIsCountedAsDropped(@TempDir Path dir) throws Exception {
        FileDecisionSink sink = new FileDecisionSink(dir, 1_000_000, 3);
        // An interrupt is the one way left to stop the writer before close; what it shows holds for any death.
        sink.beforeWrite = id -> Thread.currentThread().interrupt();
        sink.append(record("last"));
        eventually("the sink reports DOWN", () -> sink.health().status() == SinkHealth.Status.DOWN);
        for (int i = 0; i < 50; i++) {
            sink.append(record("late-" + i));
        }
        long start = System.nanoTime();
        sink.flush(5_000);
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "a flush never waits on a writer that is gone");
        SinkHealth h = sink.health();
        assertEquals(SinkHealth.Status.DOWN, h.status());
        assertEquals(50, h.dropped(), "every record appended after is counted, none kept for a writer that is gone: " + h);
        assertEquals(0, h.queued(), h.toString());
        assertTrue(h.lastError().contains("stopped"), h.toString());
        sink.close();
    }

    @Test
    void anErrorInSendGoesToTheFallbackAndTheSenderGoesOn(@TempDir Path dir) throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, new StringSerializer(), new StringSerializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    org.apache.kafka.clients.producer.ProducerRecord<String, String> r, org.apache.kafka.clients.producer.Callback callback) {
                if (r.key().equals("boom")) {
                    throw new OutOfMemoryError("Java heap space (injected)");
                }
                return super.send(r, callback);
            }
        };
        FileDecisionSink file = new FileDecisionSink(dir, 1_000_000, 3);
        KafkaDecisionSink sink = new KafkaDecisionSink(producer, "decisions", Optional.of(file), 100);
        sink.append(record("k-1"));
        sink.append(record("boom"));
        sink.append(record("k-2"));
        eventually("the sender goes on after the Error", () -> producer.history().size() == 2);
        assertEquals(1, sink.fellBack());
        assertTrue(sink.health().lastError().contains("OutOfMemoryError"), sink.health().toString());
        file.flush();
        assertTrue(file.find("boom").isPresent(), "what the Error kept from the topic is in the file log");
        sink.close();
    }

    @Test
    void aLineCutByACrashIsMovedAsideOnOpen(@TempDir Path dir) throws Exception {
        Path current = dir.resolve("decisions.jsonl");
        String whole = new String(dev.clausewise.explain.Json.write(record("before-crash")));
        Files.writeString(current, whole + "\n" + whole.substring(0, 40));
        FileDecisionSink sink = new FileDecisionSink(dir, 1_000_000, 3);
        sink.append(record("after-crash"));
        sink.flush();
        everyLineParses(current);
        assertEquals(2, Files.readAllLines(current).size());
        assertEquals(whole.substring(0, 40), Files.readString(dir.resolve(FileDecisionSink.PARTIAL)).strip());
        assertTrue(sink.find("before-crash").isPresent(), "records of a previous run are indexed on open");
        assertTrue(sink.find("after-crash").isPresent());
        sink.close();
    }

    @Test
    void readBackAfterRestartAndRotationIsByIndex(@TempDir Path dir) throws Exception {
        FileDecisionSink first = new FileDecisionSink(dir, 2_000, 3);
        for (int i = 0; i < 30; i++) {
            first.append(record("r-" + i));
        }
        first.close();
        FileDecisionSink second = new FileDecisionSink(dir, 2_000, 3);
        for (int i = 30; i < 40; i++) {
            second.append(record("r-" + i));
        }
        second.flush();
        for (String id : List.of("r-25", "r-29", "r-35", "r-39")) {
            assertEquals(id, JSON.readTree(second.find(id).orElseThrow(() -> new AssertionError(id))).get("id").asText());
        }
        assertTrue(second.find("r-0").isEmpty(), "rotated out");
        assertTrue(second.find("no-such").isEmpty());
        second.close();
    }

    @Test
    void aRestartIndexesEveryRecordOfLargeFilesWhateverBlockItsLineStartsIn(@TempDir Path dir) throws Exception {
        FileDecisionSink first = new FileDecisionSink(dir, 1 << 20, 2);
        int count = 3_000;
        for (int i = 0; i < count; i++) {
            first.append(record("r-" + i));
            if (i % 500 == 499) {
                first.flush();
            }
        }
        first.close();
        assertTrue(Files.size(dir.resolve("decisions.jsonl")) > 3 * (1 << 16), "the current file spans several read blocks");
        FileDecisionSink second = new FileDecisionSink(dir, 1 << 20, 2);
        second.append(record("after-restart"));
        second.flush();
        for (int i = 0; i < count; i++) {
            String id = "r-" + i;
            assertEquals(id, JSON.readTree(second.find(id).orElseThrow(() -> new AssertionError(id))).get("id").asText());
        }
        second.close();
    }

    @Test
    void aFailedSendIsCountedAndGoesToTheFallback(@TempDir Path dir) throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(false, new StringSerializer(), new StringSerializer());
        FileDecisionSink file = new FileDecisionSink(dir, 1_000_000, 3);
        KafkaDecisionSink sink = new KafkaDecisionSink(producer, "decisions", Optional.of(file), 100);
        sink.append(record("k-1"));
        sink.append(record("k-2"));
        eventually("both sent", () -> producer.history().size() == 2);
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        eventually("the failure is counted", () -> sink.health().failures() == 1);
        assertEquals(SinkHealth.Status.DOWN, sink.health().status());
        producer.completeNext();
        eventually("the second is acknowledged", () -> sink.health().written() == 1);
        assertEquals(SinkHealth.Status.DEGRADED, sink.health().status(), "one record went to the fallback");
        file.flush();
        assertTrue(file.find("k-1").isPresent(), "what the broker did not take is in the file log");
        assertEquals(1, sink.fellBack());
        sink.close();
    }

    @Test
    void withTheBrokerDownAppendsReturnAtOnceAndFailuresShow(@TempDir Path dir) throws Exception {
        Properties p = new Properties();
        // A closed port on loopback: no broker will ever answer.
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "100");
        KafkaDecisionSink sink = new KafkaDecisionSink(new KafkaProducer<>(p), "decisions", Optional.empty(), 1000);
        long start = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            sink.append(record("b-" + i));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "2000 appends took " + millis + " ms with the broker down");
        eventually("failures show", () -> sink.health().failures() > 0 && sink.health().status() == SinkHealth.Status.DOWN);
        assertTrue(sink.health().dropped() > 0, "no fallback configured: what was not sent is counted as dropped");
        sink.close();
    }
}
