package dev.clausewise.engine;

/** Fact: an allow and a deny both decide the query and neither overrides the other. */
public record Conflict(String deny, String allow) {
}
