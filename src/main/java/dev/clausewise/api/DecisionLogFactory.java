package dev.clausewise.api;

import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.decisionlog.FileDecisionSink;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** The decision log sink from configuration: rotating JSON Lines files unless disabled. */
@Factory
final class DecisionLogFactory {
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "clausewise.decision-log.enabled", notEquals = "false")
    DecisionSink fileSink(@Value("${clausewise.decision-log.dir:decision-log}") String dir,
                          @Value("${clausewise.decision-log.max-bytes:10485760}") long maxBytes,
                          @Value("${clausewise.decision-log.files:5}") int files) {
        return new FileDecisionSink(Path.of(dir), maxBytes, files);
    }
}
