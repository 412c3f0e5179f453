package dev.clausewise.policy;

import dev.clausewise.source.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A company's privacy policy as statements, as read from policies-yaml/&lt;id&gt;/policy.yaml. A value, as a record
 * would be, with its statements indexed by id: the explainer looks one up for every trail step it cites.
 */
public final class Policy {
    private final String id;
    private final String title;
    private final PolicySource source;
    private final List<Statement> statements;
    private final SourceLocation location;
    private final Map<String, Statement> byId;

    public Policy(String id, String title, PolicySource source, List<Statement> statements, SourceLocation location) {
        this.id = id;
        this.title = title;
        this.source = source;
        this.statements = List.copyOf(statements);
        this.location = location;
        Map<String, Statement> index = new HashMap<>();
        // The first of two statements with one id, as a scan would find it (the checker refuses duplicates).
        this.statements.forEach(s -> index.putIfAbsent(s.id(), s));
        this.byId = index;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public PolicySource source() {
        return source;
    }

    public List<Statement> statements() {
        return statements;
    }

    public SourceLocation location() {
        return location;
    }

    public Optional<Statement> statement(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Policy withStatements(List<Statement> resolved) {
        return new Policy(id, title, source, resolved, location);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && id.equals(p.id) && Objects.equals(title, p.title) && Objects.equals(source, p.source)
                && statements.equals(p.statements) && Objects.equals(location, p.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, source, statements, location);
    }

    @Override
    public String toString() {
        return "Policy[id=" + id + ", title=" + title + ", source=" + source + ", statements=" + statements + ", location=" + location + "]";
    }
}
