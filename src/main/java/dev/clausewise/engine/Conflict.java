package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;

/** Fact: an allow and a deny both decide the query and neither overrides the other. */
public record Conflict(NormalizedQuery query, String deny, String allow) {
    public NormalizedQuery getQuery() {
        return query;
    }

    /** Whether this is the conflict of these two statements. */
    public boolean between(String denyId, String allowId) {
        return deny.equals(denyId) && allow.equals(allowId);
    }
}
