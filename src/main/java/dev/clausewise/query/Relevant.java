package dev.clausewise.query;

import dev.clausewise.vocabulary.Dimension;
import java.util.Map;

/**
 * Fact: statement number {@code statement} (its index in the policy) is relevant to {@code query}, and how its keys
 * relate to it on each dimension it names. A generated statement rule matches it by that number alone, a literal the
 * Rete hashes, so an irrelevant statement costs no test.
 */
public record Relevant(NormalizedQuery query, int statement, Map<Dimension, KeyMatch> matches) {
    public int getStatement() {
        return statement;
    }
}
