package dev.clausewise.vocabulary;

import java.util.Map;

/** Every dimension's key tree plus the region tree: what a statement or a query may say. */
public record Vocabulary(Map<Dimension, KeyTree> trees, RegionTree regions) {
    public Vocabulary {
        trees = Map.copyOf(trees);
    }

    public KeyTree tree(Dimension d) {
        KeyTree t = trees.get(d);
        if (t == null) {
            throw new IllegalArgumentException("no key tree for " + d);
        }
        return t;
    }
}
