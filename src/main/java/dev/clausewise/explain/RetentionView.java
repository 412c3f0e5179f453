package dev.clausewise.explain;

/** How long the data is kept, by the statement that says so. */
public record RetentionView(String key, String duration, String statement) {
}
