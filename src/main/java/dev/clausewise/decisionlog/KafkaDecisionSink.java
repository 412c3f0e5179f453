package dev.clausewise.decisionlog;

import dev.clausewise.explain.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Decision records to a Kafka topic, keyed by decision id, the value the same JSON line the file sink writes;
 * for deployments whose replicas share one audit stream. Requests only enqueue: a sender thread calls
 * {@code send}, which may block up to the producer's max.block.ms while the broker is unreachable. A record
 * the broker did not take (send failed, delivery timed out, queue full) goes to the fallback sink when there
 * is one, else is counted as dropped. An Error in {@code send} (out of memory) is such a record too, and the
 * sender goes on; should the sender stop anyway, the sink reports DOWN and what is appended after goes the same way.
 */
public final class KafkaDecisionSink implements DecisionSink {
    private record Item(DecisionRecord record, String json) {
    }

    private final Producer<String, String> producer;
    private final String topic;
    private final Optional<DecisionSink> fallback;
    private final BlockingQueue<Item> queue;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong fellBack = new AtomicLong();
    private volatile boolean lastFailed;
    private volatile String lastError;
    private volatile boolean closed;

    public KafkaDecisionSink(Producer<String, String> producer, String topic) {
        this(producer, topic, Optional.empty(), 100_000);
    }

    public KafkaDecisionSink(Producer<String, String> producer, String topic, Optional<DecisionSink> fallback, int queueCapacity) {
        this.producer = producer;
        this.topic = topic;
        this.fallback = fallback;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.sender = new Thread(this::run, "decision-log-kafka");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void append(DecisionRecord record) {
        if (!sender.isAlive() || !queue.offer(new Item(record, Json.write(record)))) {
            notSent(record);
        }
        if (!sender.isAlive()) {
            notSentQueued();
        }
    }

    /** What is still queued when the sender is gone will never be sent. */
    private void notSentQueued() {
        Item item;
        while ((item = queue.poll()) != null) {
            notSent(item.record());
        }
    }

    private void run() {
        try {
            sendUntilClosed();
        } finally {
            if (!closed) {
                lastFailed = true;
                lastError = "the sender stopped" + (lastError == null ? "" : " after " + lastError);
            }
            notSentQueued();
        }
    }

    private void sendUntilClosed() {
        while (!closed || !queue.isEmpty()) {
            Item item;
            try {
                item = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item == null) {
                continue;
            }
            try {
                producer.send(new ProducerRecord<>(topic, item.record().id(), item.json()), (meta, error) -> {
                    if (error == null) {
                        sent.incrementAndGet();
                        lastFailed = false;
                    } else {
                        failed(error);
                        notSent(item.record());
                    }
                });
            } catch (RuntimeException | Error e) {
                // send() itself throws when metadata cannot be had within max.block.ms, or the buffer stays full.
                failed(e);
                notSent(item.record());
            }
        }
    }

    private void failed(Throwable e) {
        failures.incrementAndGet();
        lastFailed = true;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void notSent(DecisionRecord record) {
        if (fallback.isPresent()) {
            fellBack.incrementAndGet();
            fallback.get().append(record);
        } else {
            dropped.incrementAndGet();
        }
    }

    /** Records that went to the fallback sink instead of the topic. */
    public long fellBack() {
        return fellBack.get();
    }

    @Override
    public Optional<String> find(String decisionId) {
        return fallback.flatMap(f -> f.find(decisionId));
    }

    @Override
    public SinkHealth health() {
        SinkHealth.Status status = lastFailed || !sender.isAlive() && !closed ? SinkHealth.Status.DOWN
                : dropped.get() > 0 || fellBack.get() > 0 ? SinkHealth.Status.DEGRADED : SinkHealth.Status.UP;
        long fallbackDropped = fallback.map(f -> f.health().dropped()).orElse(0L);
        return new SinkHealth("kafka", status, sent.get(), failures.get(), dropped.get() + fallbackDropped, queue.size(), lastError);
    }

    @Override
    public void close() {
        closed = true;
        try {
            sender.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        fallback.ifPresent(DecisionSink::close);
    }
}
