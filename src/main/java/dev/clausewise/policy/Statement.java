package dev.clausewise.policy;

import dev.clausewise.source.SourceLocation;
import dev.clausewise.vocabulary.Dimension;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One practice the policy states. {@code scope} holds the keys per matched dimension (an absent
 * dimension means "any"); {@code at} holds where each field was written, by path ("data[1]", "cite.quote");
 * {@code acknowledged} holds the lint findings the author answered (they never change a decision).
 * {@code conditions} must all hold; of {@code anyOf} (alternatives, "SCCs or your consent") one must hold.
 */
public record Statement(String id, String description, Map<Dimension, List<String>> scope, Effect effect,
                        List<String> conditions, List<String> anyOf, Retention retention, List<String> overrides,
                        List<Acknowledgement> acknowledged, Cite cite, SourceLocation location, Map<String, SourceLocation> at) {
    public Statement {
        EnumMap<Dimension, List<String>> s = new EnumMap<>(Dimension.class);
        scope.forEach((d, keys) -> {
            if (!keys.isEmpty()) {
                s.put(d, List.copyOf(keys));
            }
        });
        scope = java.util.Collections.unmodifiableMap(s);
        conditions = List.copyOf(conditions);
        anyOf = List.copyOf(anyOf);
        overrides = List.copyOf(overrides);
        acknowledged = List.copyOf(acknowledged);
        at = Map.copyOf(at);
    }

    public List<String> keys(Dimension d) {
        return scope.getOrDefault(d, List.of());
    }

    /** Every condition key the statement names, required or alternative. */
    public List<String> conditionKeys() {
        return java.util.stream.Stream.concat(conditions.stream(), anyOf.stream()).distinct().toList();
    }

    public SourceLocation locationOf(String path) {
        return at.getOrDefault(path, location);
    }

    /** The same statement with other keys (used once aliases are resolved). */
    public Statement withScope(Map<Dimension, List<String>> newScope, List<String> newConditions, List<String> newAnyOf) {
        return new Statement(id, description, newScope, effect, newConditions, newAnyOf, retention, overrides, acknowledged, cite, location, at);
    }
}
