package dev.clausewise.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as written: every node keeps where it starts, and scalars keep their text
 * (so {@code NO} stays the string "NO", never YAML 1.1's false).
 */
public sealed interface YamlNode {
    SourceLocation location();

    /** What the node is, in the words of an error message. */
    String kind();

    record Scalar(String text, boolean isNull, SourceLocation location) implements YamlNode {
        public String kind() {
            return isNull ? "null" : "a scalar";
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String kind() {
            return "a list";
        }
    }

    /** A mapping; {@code keys} holds where each key was written. */
    record Mapping(Map<String, YamlNode> entries, Map<String, SourceLocation> keys, SourceLocation location)
            implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        public String kind() {
            return "a mapping";
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }
    }
}
