package dev.clausewise.engine;

/** One rule firing worth explaining: which DRL rule, what kind of step, about which statement. */
public record Firing(String rule, TrailKind kind, String statementId, String detail) {
}
