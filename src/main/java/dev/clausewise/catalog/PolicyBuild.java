package dev.clausewise.catalog;

import dev.clausewise.source.Diagnostic;
import java.util.List;
import java.util.Optional;

/** The result of taking one policy folder through load → check → compile → build. */
public record PolicyBuild(String id, Optional<LoadedPolicy> policy, List<Diagnostic> diagnostics) {
    public PolicyBuild {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return policy.isPresent();
    }
}
