package dev.clausewise.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One dimension's keys: dot-separated paths, so ancestry is a prefix test. Aliases map everyday
 * words to one key or to a set of keys. {@code distinct} are the keys that name an act of its own
 * (`share.sell`): a permission for an ancestor does not reach them, a prohibition does (semantics step 2).
 */
public record KeyTree(String dimension, Map<String, String> keys, Map<String, List<String>> aliases, Set<String> distinct) {
    /** The only shape a key may have: it is what makes keys safe to write into DRL as literals. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

    public KeyTree {
        keys = Map.copyOf(keys);
        aliases = Map.copyOf(aliases);
        distinct = Set.copyOf(distinct);
    }

    /**
     * Whether a permission stated for {@code ancestor} stops short of {@code key}: some distinct act lies below
     * {@code ancestor} on the way down to {@code key} ("may share" does not say "may sell").
     */
    public boolean permissionStopsBefore(String ancestor, String key) {
        for (String act : distinct) {
            if (!act.equals(ancestor) && isAncestorOrSelf(ancestor, act) && isAncestorOrSelf(act, key)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** The keys a word stands for: itself when it is a key, the alias's keys, or empty. */
    public Optional<List<String>> resolve(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim();
        if (keys.containsKey(w)) {
            return Optional.of(List.of(w));
        }
        return Optional.ofNullable(aliases.get(w.toLowerCase()));
    }

    public Set<String> words() {
        return keys.keySet();
    }

    public static boolean isAncestorOrSelf(String ancestor, String key) {
        return key.equals(ancestor) || key.startsWith(ancestor) && key.charAt(ancestor.length()) == '.';
    }

    public static int depth(String key) {
        int d = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == '.') {
                d++;
            }
        }
        return d;
    }
}
