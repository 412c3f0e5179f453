package dev.clausewise.api;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.source.Diagnostic;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts the HTTP service on a policies folder. */
public final class Server {
    /** How long after the start the held background rule builds run at the latest. */
    private static final Duration BUILDS_AFTER = Duration.ofSeconds(3);

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
        // Versions served from their decision tables build their rules once the service has answered its first
        // decision (DecisionService), or BUILDS_AFTER after the start if none is asked: the first answer's cold code
        // needs the CPU more.
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
            CompletableFuture.delayedExecutor(BUILDS_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(PolicyBuilder::releaseBackgroundBuilds);
        }
    }

    /**
     * Starts Micronaut's first step early, on its own thread, beside the command line's parsing: the scan of the
     * jar's META-INF/micronaut service files, whose result Micronaut keeps for its class loader (a tenth of the
     * start when made on the main thread). Should it fail, Micronaut scans again itself and reports what it finds.
     */
    public static void prefetch() {
        Thread t = new Thread(() -> {
            try {
                MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(Server.class.getClassLoader(), ApplicationContextConfigurer.class.getName());
            } catch (IOException | RuntimeException e) {
                // Micronaut's own scan, on the main thread, meets the same failure and reports it.
            }
        }, "start-prefetch");
        t.setDaemon(true);
        t.start();
    }
}
