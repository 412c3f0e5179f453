package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog's build, started before Micronaut's own start so the two overlap; CatalogFactory takes it when it
 * was made for the folder and cache the configuration names, and builds its own otherwise.
 */
record EarlyCatalog(Path policies, RuleCache cache, CompletableFuture<Built> result) {
    /** The catalog and how long its build took. */
    record Built(PolicyCatalog.Result result, long millis) {
    }

    static EarlyCatalog start(Path policies, RuleCache cache) {
        CompletableFuture<Built> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                long start = System.nanoTime();
                PolicyCatalog.Result r = PolicyCatalog.open(policies, cache);
                f.complete(new Built(r, (System.nanoTime() - start) / 1_000_000));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "catalog-build");
        t.setDaemon(true);
        t.start();
        return new EarlyCatalog(policies, cache, f);
    }

    boolean madeFor(Path policies, RuleCache cache) {
        return this.policies.toAbsolutePath().normalize().equals(policies.toAbsolutePath().normalize())
                && this.cache.dir().equals(cache.dir());
    }
}
