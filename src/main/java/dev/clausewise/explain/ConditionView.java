package dev.clausewise.explain;

/**
 * An open condition of the answer. {@code dimension} is set when the condition is a restriction
 * (the answer holds only for that narrower key), null for a vocabulary condition.
 */
public record ConditionView(String key, String dimension, String statement, String text) {
}
