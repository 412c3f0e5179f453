package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.source.Diagnostic;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every policy at startup (not on the first request), logging what was refused and why. When the server
 * started the build before Micronaut (EarlyCatalog) for the same folder and cache, this waits for that build.
 */
@Factory
final class CatalogFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFactory.class);

    /** The catalog keeps its answers for the next start (in the rule cache) when the service stops. */
    @Context
    @Bean(preDestroy = "persistAnswers")
    PolicyCatalog catalog(@Value("${clausewise.policies:policies-yaml}") String policies,
                          @Value("${clausewise.cache.dir:}") String cacheDir, Optional<EarlyCatalog> early) {
        long start = System.nanoTime();
        RuleCache configured = RuleCache.configured(cacheDir, System.getenv());
        Optional<EarlyCatalog> taken = early.filter(e -> e.madeFor(Path.of(policies), configured));
        RuleCache cache = taken.map(EarlyCatalog::cache).orElse(configured);
        EarlyCatalog.Built built = taken.map(e -> e.result().join()).orElseGet(() -> {
            PolicyCatalog.Result r = PolicyCatalog.open(Path.of(policies), cache);
            return new EarlyCatalog.Built(r, (System.nanoTime() - start) / 1_000_000);
        });
        PolicyCatalog.Result r = built.result();
        r.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> LOG.error("refused: {}", d.format()));
        PolicyCatalog catalog = r.catalog().orElseThrow(() -> new IllegalStateException(
                "cannot serve " + policies + ": the vocabulary is missing or invalid"));
        RuleCache.Stats s = cache.stats();
        LOG.info("serving {} policies from {} ({} ms to build, {} ms waited for at startup): {}; rule cache {}",
                catalog.policies().size(), policies, built.millis(), (System.nanoTime() - start) / 1_000_000,
                String.join(", ", catalog.policies().keySet()),
                cache.dir().map(d -> d + ": " + s.hits() + " loaded, " + s.written() + " written, " + s.rejected() + " refused")
                        .orElse("off"));
        return catalog;
    }
}
