package dev.clausewise.vocabulary;

import dev.clausewise.source.Suggestions;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every dimension's key tree plus the region tree: what a statement or a query may say. */
public record Vocabulary(Map<Dimension, KeyTree> trees, RegionTree regions) {
    public Vocabulary {
        trees = Map.copyOf(trees);
    }

    /** The hint for a word that is not a key: "did you mean" over keys and aliases, or where to look. */
    public String hint(Dimension d, String written) {
        if (d.isRegional()) {
            return Optional.ofNullable(Suggestions.didYouMean(written.toUpperCase(Locale.ROOT), regions.groupsAndCountries()))
                    .orElse("use an ISO 3166 code (FR, US-CA) or a group: ANY, EUROPE, EEA, EU, US");
        }
        KeyTree tree = tree(d);
        Set<String> words = new HashSet<>(tree.words());
        words.addAll(tree.aliases().keySet());
        return Optional.ofNullable(Suggestions.didYouMean(written, words))
                .orElse("see the `" + d.key() + "` keys in policies-yaml/vocabulary.yaml or GET /v1/vocabulary");
    }

    public KeyTree tree(Dimension d) {
        KeyTree t = trees.get(d);
        if (t == null) {
            throw new IllegalArgumentException("no key tree for " + d);
        }
        return t;
    }
}
