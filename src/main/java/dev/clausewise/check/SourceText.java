package dev.clausewise.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A policy's document, normalized so that quotes can be proven against it: HTML tags removed,
 * typographic quotes and dashes made ASCII, whitespace collapsed.
 */
public final class SourceText {
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:;])\\s+");

    /** Quotes longer than this get no closest passage: the comparison costs quote length × document length. */
    public static final int MAX_QUOTE = 2000;

    private final String text;
    private final String normalized;
    /** The document's sentences, made only for a quote that is not found (most builds find every quote). */
    private volatile List<String> passages;

    public SourceText(String text) {
        this.text = text;
        this.normalized = normalize(text);
    }

    private List<String> passages() {
        List<String> ps = passages;
        if (ps == null) {
            List<String> found = new ArrayList<>();
            for (String line : text.split("\\R")) {
                for (String sentence : SENTENCE_END.split(normalize(line))) {
                    if (!sentence.isBlank()) {
                        found.add(sentence);
                    }
                }
            }
            ps = List.copyOf(found);
            passages = ps;
        }
        return ps;
    }

    public static String normalize(String s) {
        String t = TAG.matcher(s).replaceAll(" ")
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ');
        return SPACE.matcher(t).replaceAll(" ").trim();
    }

    public boolean contains(String quote) {
        return normalized.contains(normalize(quote));
    }

    /** The sentence of the document most like the quote: the hint for a quote that is not found. */
    public Optional<String> closestPassage(String quote) {
        String q = normalize(quote).toLowerCase();
        if (q.length() > MAX_QUOTE) {
            return Optional.empty();
        }
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (String p : passages()) {
            String c = p.toLowerCase();
            // The length difference alone bounds the score from below: a passage that cannot beat the best is not compared.
            if ((double) Math.abs(q.length() - c.length()) / Math.max(q.length(), c.length()) >= bestScore) {
                continue;
            }
            double score = (double) dev.clausewise.source.Suggestions.distance(q, c) / Math.max(q.length(), c.length());
            if (score < bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }
}
