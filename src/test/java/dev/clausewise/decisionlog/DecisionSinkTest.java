package dev.clausewise.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clausewise.query.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sinks write the same JSON record; the file sink rotates and reads back by id. */
class DecisionSinkTest {
    static DecisionRecord record(String id) {
        return new DecisionRecord(id, "2026-11-23T00:00:00Z", new Query("mixpanel", "share.sell", null, null, null, null, "US", null, null),
                "DENY", List.of("no-sale"), "mixpanel", "2019-12-25+abc", "sha256:abc");
    }

    @Test
    void fileSinkRotatesAndFindsRecordsInOlderFiles(@TempDir Path dir) throws Exception {
        FileDecisionSink sink = new FileDecisionSink(dir, 2_000, 3);
        for (int i = 0; i < 60; i++) {
            sink.append(record("d-" + i));
        }
        sink.flush();
        JsonNode first = new ObjectMapper().readTree(sink.find("d-57").orElseThrow());
        assertEquals("DENY", first.get("outcome").asText());
        assertEquals("share.sell", first.get("query").get("practice").asText());
        assertTrue(Files.exists(dir.resolve("decisions.1.jsonl")), "rotated");
        assertTrue(Files.size(dir.resolve("decisions.jsonl")) <= 2_000);
        assertTrue(sink.find("d-0").isEmpty(), "the oldest records rotate out: current file plus 3 rotated ones are kept");
        sink.close();
    }

    @Test
    void kafkaSinkSendsTheRecordKeyedByDecisionId() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, new StringSerializer(), new StringSerializer());
        KafkaDecisionSink sink = new KafkaDecisionSink(producer, "decisions");
        sink.append(record("d-1"));
        sink.close();
        assertEquals(1, producer.history().size());
        assertEquals("decisions", producer.history().get(0).topic());
        assertEquals("d-1", producer.history().get(0).key());
        JsonNode value = new ObjectMapper().readTree(producer.history().get(0).value());
        assertEquals("d-1", value.get("id").asText());
        assertEquals("sha256:abc", value.get("digest").asText());
        assertTrue(producer.closed());
        assertEquals(SinkHealth.Status.UP, sink.health().status());
    }
}
