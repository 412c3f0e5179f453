package dev.clausewise.api;

import dev.clausewise.engine.RuleCache;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the HTTP service on a policies folder. */
public final class Server {
    private Server() {
    }

    /**
     * Starts the service; {@code cacheDir} (null: the configured default) names the rule cache. The policies are
     * built on their own thread from the first instant, while Micronaut starts.
     */
    public static ApplicationContext start(int port, Path policies, String cacheDir) {
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.port", port, "clausewise.policies", policies.toString()));
        if (cacheDir != null) {
            props.put("clausewise.cache.dir", cacheDir);
        }
        EarlyCatalog early = EarlyCatalog.start(policies, RuleCache.configured(cacheDir, System.getenv()));
        return Micronaut.build(new String[0])
                .mainClass(Server.class)
                .banner(false)
                .properties(props)
                .singletons(early)
                .start();
    }
}
