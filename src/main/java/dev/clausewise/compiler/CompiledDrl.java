package dev.clausewise.compiler;

import dev.clausewise.source.Diagnostic;
import java.util.List;
import java.util.Map;

/** The generated DRL of one policy, which rule encodes which statement, and any refusal. */
public record CompiledDrl(String policyId, String resourceName, String text, Map<String, String> statementByRule,
                          List<Diagnostic> diagnostics) {
    public CompiledDrl {
        statementByRule = Map.copyOf(statementByRule);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
