package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.source.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog's build, started before Micronaut's own start so the two overlap; CatalogFactory takes it when it
 * was made for the folder and cache the configuration names, and builds its own otherwise. The vocabulary is
 * read first and reported on its own, so that a service that cannot serve says so before Micronaut starts.
 */
record EarlyCatalog(Path policies, RuleCache cache, CompletableFuture<List<Diagnostic>> vocabulary, CompletableFuture<Built> result) {
    /** The catalog and how long its build took. */
    record Built(PolicyCatalog.Result result, long millis) {
    }

    static EarlyCatalog start(Path policies, RuleCache cache) {
        CompletableFuture<List<Diagnostic>> vocabulary = new CompletableFuture<>();
        CompletableFuture<Built> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                long start = System.nanoTime();
                PolicyCatalog.Result r = PolicyCatalog.open(policies, cache, vocabulary::complete);
                f.complete(new Built(r, (System.nanoTime() - start) / 1_000_000));
            } catch (RuntimeException | Error e) {
                vocabulary.completeExceptionally(e);
                f.completeExceptionally(e);
            }
        }, "catalog-build");
        t.setDaemon(true);
        t.start();
        return new EarlyCatalog(policies, cache, vocabulary, f);
    }

    /** The first error that keeps the folder from being served (its vocabulary is missing or invalid), if any. */
    Optional<Diagnostic> refusal() {
        return vocabulary.join().stream().filter(Diagnostic::isError).findFirst();
    }

    boolean madeFor(Path policies, RuleCache cache) {
        return this.policies.toAbsolutePath().normalize().equals(policies.toAbsolutePath().normalize())
                && this.cache.dir().equals(cache.dir());
    }
}
