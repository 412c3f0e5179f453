package dev.clausewise.api;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.catalog.PolicyWatcher;
import dev.clausewise.source.Diagnostic;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hot reload: watches the policies folder from startup; every reload is logged and counted. */
@Context
@Requires(property = "clausewise.watch", notEquals = "false")
final class ReloadOnChange {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadOnChange.class);
    private final PolicyWatcher watcher;

    ReloadOnChange(PolicyCatalog catalog, Metrics metrics) throws IOException {
        this.watcher = new PolicyWatcher(catalog, new PolicyWatcher.Listener() {
            @Override
            public void reloaded(PolicyBuild b) {
                metrics.reloaded(b.id(), b.ok());
                if (b.ok()) {
                    LOG.info("reloaded policy {}: {}", b.id(), b.policy().get().ref().version());
                } else {
                    LOG.error("refused policy {}; the last good version keeps serving: {}", b.id(),
                            b.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
                }
            }

            @Override
            public void unloaded(String id) {
                LOG.warn("policy {} unloaded: its folder or policy.yaml is gone", id);
            }

            @Override
            public void vocabulary(List<Diagnostic> refused) {
                if (refused.isEmpty()) {
                    LOG.info("reloaded the vocabulary; every policy was rebuilt with it");
                } else {
                    LOG.error("refused vocabulary.yaml; the last good vocabulary keeps serving: {}", refused.stream().map(Diagnostic::format).toList());
                }
            }
        });
    }

    @PreDestroy
    void close() {
        watcher.close();
    }
}
