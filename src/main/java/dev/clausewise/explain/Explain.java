package dev.clausewise.explain;

import java.util.Locale;
import java.util.Optional;

/** How much trail an answer carries: none, summary (deciding steps) or full (every step). */
public enum Explain {
    NONE, SUMMARY, FULL;

    public static Optional<Explain> parse(String s) {
        if (s == null) {
            return Optional.of(FULL);
        }
        try {
            return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
