package dev.clausewise.api;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.source.Diagnostic;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Starts the HTTP service on a policies folder. */
public final class Server {
    private Server() {
    }

    /** A started service, or why the folder cannot be served (its vocabulary is missing or invalid). */
    public record Started(Optional<ApplicationContext> context, Optional<Diagnostic> refusal) {
    }

    /**
     * Starts the service; {@code cacheDir} (null: the configured default) names the rule cache. The policies are
     * built on their own thread from the first instant; Micronaut starts as soon as their vocabulary is known good.
     * Knowledge bases of versions that answer from a decision table are built after the start.
     */
    public static Started start(int port, Path policies, String cacheDir) {
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.port", port, "clausewise.policies", policies.toString()));
        if (cacheDir != null) {
            props.put("clausewise.cache.dir", cacheDir);
        }
        // Versions served from their decision tables build their rules once the service answers, not during its start.
        PolicyBuilder.holdBackgroundBuilds();
        try {
            EarlyCatalog early = EarlyCatalog.start(policies, RuleCache.configured(cacheDir, System.getenv()));
            Optional<Diagnostic> refusal = early.refusal();
            if (refusal.isPresent()) {
                return new Started(Optional.empty(), refusal);
            }
            return new Started(Optional.of(Micronaut.build(new String[0])
                    .mainClass(Server.class)
                    .banner(false)
                    .properties(props)
                    .singletons(early)
                    .start()), Optional.empty());
        } finally {
            PolicyBuilder.releaseBackgroundBuilds();
        }
    }
}
