package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;

/**
 * Fact: a statement left standing after overrides, with its effect for this query once conditions are
 * settled. Survivors apply to the query; refinements are narrower than it.
 */
public record Standing(Candidate candidate, StandingKind kind) {
    public NormalizedQuery getQuery() {
        return candidate.getQuery();
    }

    public String getStatementId() {
        return candidate.getStatementId();
    }

    public StandingKind getKind() {
        return kind;
    }

    public boolean isSurvivor() {
        return candidate.isApplying();
    }

    public boolean isRefinement() {
        return !candidate.isApplying();
    }

    /** A refinement in who or which data it speaks of: it never answers the broader question. */
    public boolean isScoped() {
        return !candidate.isApplying() && candidate.isScoped();
    }

    /** A clear or open allow: the statement permits the practice for this query. */
    public boolean isPermits() {
        return kind == StandingKind.CLEAR || kind == StandingKind.OPEN;
    }
}
