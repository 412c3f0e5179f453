package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.source.Suggestions;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeySearch;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vocabulary", mixinStandardHelpOptions = true,
        description = {"The keys a policy and a question may use: the dimensions, one dimension's keys as a tree, or the keys for everyday words.",
                "clausewise vocabulary data; clausewise vocabulary --search cookies; clausewise vocabulary recipient --search ads"})
final class VocabularyCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Parameters(paramLabel = "DIMENSION", arity = "0..1",
            description = "practice, data, recipient, purpose, subject, region, condition or retention (default: every dimension).")
    String dimension;

    @Option(names = "--search", paramLabel = "WORDS", description = "Find keys whose name, alias or description has these words, best first.")
    String search;

    @Option(names = "--limit", defaultValue = "10", description = "How many keys --search prints (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        List<Dimension> dimensions = KeySearch.SEARCHED;
        if (dimension != null) {
            Optional<Dimension> d = KeySearch.SEARCHED.stream().filter(x -> x.key().equals(dimension)
                    || x == Dimension.REGION && dimension.equals(Dimension.DESTINATION.key())).findFirst();
            if (d.isEmpty()) {
                List<String> names = KeySearch.SEARCHED.stream().map(Dimension::key).toList();
                System.err.println("DIMENSION: unknown_dimension: `" + dimension + "` is not a dimension\n    help: "
                        + Optional.ofNullable(Suggestions.didYouMean(dimension, names)).orElse("dimensions: " + String.join(", ", names)));
                return ExitCodes.USAGE;
            }
            dimensions = List.of(d.get());
        }
        Optional<PolicyArgs> named = policies.resolve(List.of());
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<PolicyBuilder> builder = policies.builder(named.get().root(), System.err);
        if (builder.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Vocabulary v = builder.get().vocabulary();
        if (search != null) {
            List<KeySearch.Hit> hits = KeySearch.search(v, dimensions, search);
            if (hits.isEmpty()) {
                System.err.println("--search: no key, alias or description has `" + search + "`");
                return ExitCodes.FAILED;
            }
            hits.stream().limit(limit).forEach(h -> System.out.println(h.dimension().key() + "  " + h.key()
                    + (h.aliases().isEmpty() ? "" : "  (alias " + String.join(", ", h.aliases()) + ")") + "  " + h.description()));
            return ExitCodes.OK;
        }
        if (dimension == null) {
            for (Dimension d : dimensions) {
                System.out.println(d.isRegional() ? "region  " + v.regions().names().size() + " groups, every ISO 3166 country and subdivision"
                        : d.key() + "  " + v.tree(d).keys().size() + " keys, " + v.tree(d).aliases().size() + " aliases");
            }
            return ExitCodes.OK;
        }
        System.out.print(dimensions.get(0).isRegional() ? regions(v.regions()) : tree(v.tree(dimensions.get(0))));
        return ExitCodes.OK;
    }

    /** Each key indented under its parent, with its aliases and description. */
    static String tree(KeyTree t) {
        Map<String, List<String>> aliases = new TreeMap<>();
        t.aliases().forEach((alias, keys) -> keys.forEach(k -> aliases.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(alias)));
        StringBuilder b = new StringBuilder();
        for (String key : new TreeSet<>(t.keys().keySet())) {
            b.append("  ".repeat(KeyTree.depth(key) - 1)).append(key);
            List<String> a = aliases.getOrDefault(key, List.of());
            if (!a.isEmpty()) {
                b.append("  (alias ").append(String.join(", ", a.stream().sorted().toList())).append(')');
            }
            String description = t.keys().get(key);
            b.append(description == null || description.isEmpty() ? "" : "  " + description).append('\n');
        }
        return b.toString();
    }

    /** The groups under ANY, each with its name and the countries in it (countries in no group are directly in ANY). */
    static String regions(RegionTree r) {
        StringBuilder b = new StringBuilder();
        group(r, RegionTree.ANY, 0, b);
        b.append("Every ISO 3166-1 country code (FR) and ISO 3166-2 subdivision (US-CA) is a region; countries in no group are in ANY.\n");
        return b.toString();
    }

    private static void group(RegionTree r, String group, int depth, StringBuilder b) {
        List<String> members = r.groupsAndCountries().stream().filter(c -> group.equals(r.parentOf(c))).sorted().toList();
        List<String> countries = members.stream().filter(c -> !r.names().containsKey(c)).toList();
        b.append("  ".repeat(depth)).append(group).append("  ").append(r.names().get(group));
        if (!group.equals(RegionTree.ANY) && !countries.isEmpty()) {
            b.append(": ").append(String.join(" ", countries));
        }
        b.append('\n');
        members.stream().filter(r.names()::containsKey).forEach(g -> group(r, g, depth + 1, b));
    }
}
