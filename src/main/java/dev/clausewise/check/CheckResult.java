package dev.clausewise.check;

import dev.clausewise.policy.Policy;
import dev.clausewise.source.Diagnostic;
import java.util.List;

/** A checked policy (aliases resolved to keys, region codes normalized) and everything found on the way. */
public record CheckResult(Policy policy, List<Diagnostic> diagnostics) {
    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(d -> d.isError());
    }
}
