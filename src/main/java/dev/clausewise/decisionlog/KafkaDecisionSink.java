package dev.clausewise.decisionlog;

import dev.clausewise.explain.Json;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Decision records to a Kafka topic, keyed by decision id, the value the same JSON line the file sink writes;
 * for deployments whose replicas share one audit stream. A stream cannot be read back by id here.
 */
public final class KafkaDecisionSink implements DecisionSink {
    private final Producer<String, String> producer;
    private final String topic;

    public KafkaDecisionSink(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void append(DecisionRecord record) {
        // send() is asynchronous: it batches in the background and never waits for the broker on the request path.
        producer.send(new ProducerRecord<>(topic, record.id(), Json.write(record)));
    }

    @Override
    public Optional<String> find(String decisionId) {
        return Optional.empty();
    }

    @Override
    public void close() {
        producer.close();
    }
}
