package dev.clausewise.explain;

/**
 * An open condition of the answer. {@code dimension} is set when the condition is a restriction
 * (the answer holds only for that narrower key), null for a vocabulary condition. Conditions that share an
 * {@code anyOf} number are alternatives: one of them suffices ("SCCs or your consent"); null when the
 * condition is required on its own.
 */
public record ConditionView(String key, String dimension, String statement, String text, Integer anyOf) {
    public static ConditionView required(String key, String dimension, String statement, String text) {
        return new ConditionView(key, dimension, statement, text, null);
    }
}
