package dev.clausewise.query;

import dev.clausewise.vocabulary.Dimension;

/**
 * A statement's standing on one dimension for one query: the relation, the statement key that made it,
 * and that key's depth (the specificity used by overrides).
 */
public record KeyMatch(Dimension dimension, Relation relation, String key, int depth) {
    public boolean disjoint() {
        return relation == Relation.DISJOINT;
    }

    /**
     * What the engine rules and the explanation read of this match: the relation, the depth of a covering key
     * (specificity) and a narrower key (the restriction). Which covering key matched is read by none, so values covered
     * by different keys at the same depth read alike: the ground on which the memo and the analysis cut questions
     * into classes.
     */
    public Reading reading() {
        return switch (relation) {
            case COVERS -> new Reading(Relation.COVERS, depth, null);
            case NARROWER -> new Reading(Relation.NARROWER, 0, key);
            case DISJOINT -> new Reading(Relation.DISJOINT, 0, null);
        };
    }

    /** See {@link #reading()}. */
    public record Reading(Relation relation, int depth, String narrower) {
    }
}
