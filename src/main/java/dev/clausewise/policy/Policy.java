package dev.clausewise.policy;

import dev.clausewise.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A company's privacy policy as statements, as read from policies-yaml/&lt;id&gt;/policy.yaml. */
public record Policy(String id, String title, PolicySource source, List<Statement> statements, SourceLocation location) {
    public Policy {
        statements = List.copyOf(statements);
    }

    public Optional<Statement> statement(String id) {
        return statements.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Policy withStatements(List<Statement> resolved) {
        return new Policy(id, title, source, resolved, location);
    }
}
