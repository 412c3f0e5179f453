package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;

/** Fact: the question a decision was asked (not one of its narrower questions), whose refinements are asked too. */
public record Asked(NormalizedQuery query) {
    public NormalizedQuery getQuery() {
        return query;
    }
}
