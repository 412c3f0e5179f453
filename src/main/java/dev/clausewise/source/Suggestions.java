package dev.clausewise.source;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" by edit distance, as Cedar and rustc do. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate, if it is close enough to be a plausible typo or a shorter/longer form. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty()) {
            return Optional.empty();
        }
        String w = word.toLowerCase();
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> score(w, c.toLowerCase())).thenComparing(c -> c))
                .filter(c -> score(w, c.toLowerCase()) <= Math.max(2, w.length() / 3));
    }

    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean `" + c + "`?").orElse(null);
    }

    private static int score(String w, String c) {
        if (c.endsWith("." + w) || c.endsWith("_" + w)) {
            return 1;
        }
        return distance(w, c);
    }

    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
