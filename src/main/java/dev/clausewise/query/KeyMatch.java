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
}
