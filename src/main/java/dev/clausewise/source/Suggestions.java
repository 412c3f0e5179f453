package dev.clausewise.source;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" by edit distance, as Cedar and rustc do. */
public final class Suggestions {
    private Suggestions() {
    }

    /** Words longer than this get no suggestion: no key is that long, and the edit distance would cost length². */
    public static final int MAX_WORD = 100;

    /**
     * The closest candidate, if it is close enough to be a plausible typo or a shorter/longer form. A candidate
     * whose length differs by more than the allowed distance cannot be within it and is not compared.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty() || word.length() > MAX_WORD) {
            return Optional.empty();
        }
        String w = word.toLowerCase();
        int max = Math.max(2, w.length() / 3);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lc = c.toLowerCase();
            int score = lc.endsWith("." + w) || lc.endsWith("_" + w) ? 1
                    : Math.abs(lc.length() - w.length()) > max ? Integer.MAX_VALUE : distance(w, lc);
            if (score <= max && (score < bestScore || score == bestScore && c.compareTo(best) < 0)) {
                best = c;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean `" + c + "`?").orElse(null);
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
