package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostic;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds every policy at startup (not on the first request), logging what was refused and why. */
@Factory
final class CatalogFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFactory.class);

    @Context
    PolicyCatalog catalog(@Value("${clausewise.policies:policies-yaml}") String policies) {
        long start = System.nanoTime();
        PolicyCatalog.Result r = PolicyCatalog.open(Path.of(policies));
        r.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> LOG.error("refused: {}", d.format()));
        PolicyCatalog catalog = r.catalog().orElseThrow(() -> new IllegalStateException(
                "cannot serve " + policies + ": the vocabulary is missing or invalid"));
        LOG.info("serving {} policies from {} ({} ms): {}", catalog.policies().size(), policies,
                (System.nanoTime() - start) / 1_000_000, String.join(", ", catalog.policies().keySet()));
        return catalog;
    }
}
