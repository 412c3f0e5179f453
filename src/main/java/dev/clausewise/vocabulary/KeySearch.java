package dev.clausewise.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds keys from everyday words: each word of the search is looked for in a key's segments, its aliases and its
 * description (or a region's name). A key that is the whole search (itself, an alias, its last segment) ranks
 * first; then keys matching more words, on stronger fields (key or alias over description, a whole word over a
 * prefix); then general keys before specific ones.
 */
public final class KeySearch {
    /** One key found, with the aliases that name it and its description. */
    public record Hit(Dimension dimension, String key, List<String> aliases, String description, int score) {
        public Hit {
            aliases = List.copyOf(aliases);
        }
    }

    private static final int WHOLE = 100;
    private static final int NAME_WORD = 10;
    private static final int NAME_PREFIX = 6;
    private static final int TEXT_WORD = 4;
    private static final int TEXT_PREFIX = 2;
    /** Shorter prefixes match too much ("a" is a prefix of half the vocabulary). */
    private static final int MIN_PREFIX = 3;

    private KeySearch() {
    }

    /** The dimensions a search covers: every one with keys of its own (destination shares region's). */
    public static final List<Dimension> SEARCHED = Stream.of(Dimension.values()).filter(d -> d != Dimension.DESTINATION).toList();

    /** The hits for {@code search} in {@code dimensions}, best first; keys matching no word are left out. */
    public static List<Hit> search(Vocabulary v, List<Dimension> dimensions, String search) {
        List<String> words = words(search);
        if (words.isEmpty()) {
            return List.of();
        }
        String whole = search.trim().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (Dimension d : dimensions) {
            if (d.isRegional()) {
                regions(v.regions(), whole, words, hits);
            } else {
                keys(d, v.tree(d), whole, words, hits);
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparingInt(h -> KeyTree.depth(h.key()))
                .thenComparing(h -> h.dimension().ordinal()).thenComparing(Hit::key));
        return hits;
    }

    private static void keys(Dimension d, KeyTree tree, String whole, List<String> words, List<Hit> hits) {
        for (Map.Entry<String, String> k : tree.keys().entrySet()) {
            String key = k.getKey();
            List<String> aliases = tree.aliases().entrySet().stream().filter(a -> a.getValue().contains(key)).map(Map.Entry::getKey).sorted().toList();
            Set<String> name = new TreeSet<>(words(key));
            aliases.forEach(a -> name.addAll(words(a)));
            String description = k.getValue() == null ? "" : k.getValue();
            int score = score(words, name, words(description));
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (key.equals(whole) || aliases.contains(whole) || last.equals(whole.replace(' ', '_'))) {
                score += WHOLE;
            }
            if (score > 0) {
                hits.add(new Hit(d, key, aliases, description, score));
            }
        }
    }

    /** Groups by their names, countries by their English names; UK finds GB as the region tree reads it. */
    private static void regions(RegionTree regions, String whole, List<String> words, List<Hit> hits) {
        Set<String> codes = new TreeSet<>(regions.groupsAndCountries());
        codes.add(RegionTree.ANY);
        String exact = regions.normalize(whole).orElse(null);
        for (String code : codes) {
            String description = regions.names().containsKey(code) ? regions.names().get(code)
                    : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            int score = score(words, Set.of(code.toLowerCase(Locale.ROOT)), words(description));
            if (code.equals(exact) || description.equalsIgnoreCase(whole)) {
                score += WHOLE;
            }
            if (score > 0) {
                hits.add(new Hit(Dimension.REGION, code, List.of(), description, score));
            }
        }
    }

    /** Each search word scores its best field; a key must match every word to rank above keys matching fewer. */
    private static int score(List<String> words, Set<String> name, List<String> text) {
        int total = 0;
        int matched = 0;
        for (String w : words) {
            int best = name.contains(w) ? NAME_WORD
                    : prefixOf(w, name) ? NAME_PREFIX
                    : text.contains(w) ? TEXT_WORD
                    : prefixOf(w, text) ? TEXT_PREFIX : 0;
            total += best;
            matched += best > 0 ? 1 : 0;
        }
        return matched == 0 ? 0 : total + (matched == words.size() ? 20 * matched : 0);
    }

    private static boolean prefixOf(String w, java.util.Collection<String> words) {
        return w.length() >= MIN_PREFIX && words.stream().anyMatch(x -> x.startsWith(w) || x.startsWith(singular(w)));
    }

    /** Lower-case words of letters and digits, plurals folded ("cookies" finds cookie_id). */
    static List<String> words(String text) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).map(KeySearch::singular).distinct().toList();
    }

    private static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }
}
