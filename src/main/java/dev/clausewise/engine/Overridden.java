package dev.clausewise.engine;

/** Fact: {@code loser} no longer decides this query because {@code winner} overrides it. */
public record Overridden(String loser, String winner, OverrideKind kind) {
    public String getLoser() {
        return loser;
    }

    public OverrideKind getKind() {
        return kind;
    }
}
