package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;

/** Fact: {@code loser} no longer decides {@code query} because {@code winner} overrides it. */
public record Overridden(NormalizedQuery query, String loser, String winner, OverrideKind kind) {
    public NormalizedQuery getQuery() {
        return query;
    }

    public String getLoser() {
        return loser;
    }

    public OverrideKind getKind() {
        return kind;
    }
}
