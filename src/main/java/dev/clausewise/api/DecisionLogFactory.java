package dev.clausewise.api;

import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.decisionlog.FileDecisionSink;
import dev.clausewise.decisionlog.KafkaDecisionSink;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The decision log sink from configuration: rotating JSON Lines files by default, Kafka when configured, none when disabled. */
@Factory
final class DecisionLogFactory {
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "clausewise.decision-log.enabled", notEquals = "false")
    @Requires(missingProperty = "clausewise.decision-log.kafka.bootstrap-servers")
    DecisionSink fileSink(@Value("${clausewise.decision-log.dir:decision-log}") String dir,
                          @Value("${clausewise.decision-log.max-bytes:10485760}") long maxBytes,
                          @Value("${clausewise.decision-log.files:5}") int files,
                          @Value("${clausewise.decision-log.queue:100000}") int queue,
                          @Value("${clausewise.decision-log.when-full:drop}") String whenFull,
                          @Value("${clausewise.decision-log.block-millis:1000}") long blockMillis,
                          @Value("${clausewise.decision-log.flush-millis:200}") long flushMillis) {
        return file(dir, maxBytes, files, queue, whenFull, blockMillis, flushMillis);
    }

    private static FileDecisionSink file(String dir, long maxBytes, int files, int queue, String whenFull, long blockMillis, long flushMillis) {
        FileDecisionSink.WhenFull policy = switch (whenFull.toLowerCase(java.util.Locale.ROOT)) {
            case "drop" -> FileDecisionSink.WhenFull.DROP;
            case "block" -> FileDecisionSink.WhenFull.BLOCK;
            default -> throw new IllegalArgumentException("clausewise.decision-log.when-full must be drop or block, not " + whenFull);
        };
        return new FileDecisionSink(Path.of(dir), new FileDecisionSink.Settings(maxBytes, files, queue, policy, blockMillis, flushMillis));
    }

    /**
     * With kafka.bootstrap-servers set, decisions go to a topic instead of local files; what the broker does not
     * take goes to the local files (kafka.fallback: file, the default) or is counted as dropped (drop).
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "clausewise.decision-log.enabled", notEquals = "false")
    @Requires(property = "clausewise.decision-log.kafka.bootstrap-servers")
    DecisionSink kafkaSink(@Value("${clausewise.decision-log.kafka.bootstrap-servers}") String servers,
                           @Value("${clausewise.decision-log.kafka.topic:clausewise-decisions}") String topic,
                           @Value("${clausewise.decision-log.kafka.max-block-ms:100}") int maxBlockMs,
                           @Value("${clausewise.decision-log.kafka.delivery-timeout-ms:15000}") int deliveryTimeoutMs,
                           @Value("${clausewise.decision-log.kafka.fallback:file}") String fallback,
                           @Value("${clausewise.decision-log.dir:decision-log}") String dir,
                           @Value("${clausewise.decision-log.max-bytes:10485760}") long maxBytes,
                           @Value("${clausewise.decision-log.files:5}") int files,
                           @Value("${clausewise.decision-log.queue:100000}") int queue) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(maxBlockMs));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, deliveryTimeoutMs - 100)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeoutMs));
        Optional<DecisionSink> backup = switch (fallback.toLowerCase(java.util.Locale.ROOT)) {
            case "file" -> Optional.of(file(dir, maxBytes, files, queue, "drop", 0, 200));
            case "drop" -> Optional.empty();
            default -> throw new IllegalArgumentException("clausewise.decision-log.kafka.fallback must be file or drop, not " + fallback);
        };
        return new KafkaDecisionSink(new KafkaProducer<>(p), topic, backup, queue);
    }
}
