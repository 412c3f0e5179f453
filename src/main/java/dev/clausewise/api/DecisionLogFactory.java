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
                          @Value("${clausewise.decision-log.files:5}") int files) {
        return new FileDecisionSink(Path.of(dir), maxBytes, files);
    }

    /** With kafka.bootstrap-servers set, decisions go to a topic instead of local files. */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "clausewise.decision-log.enabled", notEquals = "false")
    @Requires(property = "clausewise.decision-log.kafka.bootstrap-servers")
    DecisionSink kafkaSink(@Value("${clausewise.decision-log.kafka.bootstrap-servers}") String servers,
                           @Value("${clausewise.decision-log.kafka.topic:clausewise-decisions}") String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return new KafkaDecisionSink(new KafkaProducer<>(p), topic);
    }
}
