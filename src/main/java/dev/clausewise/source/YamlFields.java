package dev.clausewise.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads from one YAML mapping, reporting every problem as a diagnostic at the offending node:
 * unknown keys (with a "did you mean"), missing required keys, wrong node kinds.
 */
public final class YamlFields {
    private final YamlNode.Mapping mapping;
    private final Diagnostics diagnostics;
    private final String what;
    private final Set<String> allowed;

    private YamlFields(YamlNode.Mapping mapping, Diagnostics diagnostics, String what, Set<String> allowed) {
        this.allowed = allowed;
        this.mapping = mapping;
        this.diagnostics = diagnostics;
        this.what = what;
    }

    /** Opens {@code node} as a mapping with the given allowed keys; empty (and a diagnostic) when it is not one. */
    public static Optional<YamlFields> open(YamlNode node, Set<String> allowed, Diagnostics diagnostics, String what) {
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error("expected_mapping", node.location(), what + " must be a mapping, found " + node.kind(), null);
            return Optional.empty();
        }
        for (var e : m.keys().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                diagnostics.error("unknown_key", e.getValue(), "unknown key `" + e.getKey() + "` in " + what,
                        Optional.ofNullable(Suggestions.didYouMean(e.getKey(), allowed))
                                .orElse("allowed keys: " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
        return Optional.of(new YamlFields(m, diagnostics, what, allowed));
    }

    /** Whether an unknown key here is a misspelling of {@code key}: then "missing key" would only repeat that error. */
    public boolean misspells(String key) {
        return mapping.keys().keySet().stream().filter(k -> !allowed.contains(k))
                .anyMatch(k -> Suggestions.closest(k, allowed).filter(key::equals).isPresent());
    }

    public SourceLocation location() {
        return mapping.location();
    }

    public SourceLocation locationOf(String key) {
        YamlNode n = mapping.get(key);
        return n == null ? mapping.location() : n.location();
    }

    public boolean has(String key) {
        YamlNode n = mapping.get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.isNull());
    }

    public Optional<YamlNode> node(String key) {
        return has(key) ? Optional.of(mapping.get(key)) : Optional.empty();
    }

    public Optional<Located> text(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        YamlNode n = mapping.get(key);
        if (n instanceof YamlNode.Scalar s) {
            return Optional.of(new Located(s.text(), s.location()));
        }
        diagnostics.error("expected_scalar", n.location(), "`" + key + "` in " + what + " must be a single value, found " + n.kind(), null);
        return Optional.empty();
    }

    public Optional<Located> requiredText(String key) {
        if (!has(key)) {
            diagnostics.error("missing_key", mapping.location(), what + " needs `" + key + "`", null);
            return Optional.empty();
        }
        return text(key);
    }

    /** A value written either as one scalar or as a list of scalars. */
    public List<Located> texts(String key) {
        if (!has(key)) {
            return List.of();
        }
        YamlNode n = mapping.get(key);
        if (n instanceof YamlNode.Scalar s) {
            return List.of(new Located(s.text(), s.location()));
        }
        List<Located> out = new ArrayList<>();
        if (n instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && !s.isNull()) {
                    out.add(new Located(s.text(), s.location()));
                } else {
                    diagnostics.error("expected_scalar", item.location(), "items of `" + key + "` must be single values, found " + item.kind(), null);
                }
            }
            return out;
        }
        diagnostics.error("expected_list", n.location(), "`" + key + "` in " + what + " must be a value or a list of values, found " + n.kind(), null);
        return List.of();
    }

    /** A string with the place it was written. */
    public record Located(String value, SourceLocation location) {
    }
}
