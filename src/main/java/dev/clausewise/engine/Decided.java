package dev.clausewise.engine;

import dev.clausewise.policy.Outcome;
import dev.clausewise.query.NormalizedQuery;
import java.util.List;

/** Fact inserted by exactly one decide rule per question: the outcome and the statements that decided it. */
public record Decided(NormalizedQuery query, Outcome outcome, List<String> reasons, String rule) {
    public Decided {
        reasons = List.copyOf(reasons);
    }

    public NormalizedQuery getQuery() {
        return query;
    }
}
