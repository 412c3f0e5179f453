package dev.clausewise.vocabulary;

import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.YamlNode;
import dev.clausewise.source.YamlReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads vocabulary.yaml; every malformed entry is a diagnostic. */
public final class VocabularyLoader {
    private VocabularyLoader() {
    }

    public static Optional<Vocabulary> load(String file, String text, Diagnostics diagnostics) {
        Optional<YamlNode> root = YamlReader.read(file, text, diagnostics);
        if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping top)) {
            root.ifPresent(r -> diagnostics.error("expected_mapping", r.location(), "the vocabulary must be a mapping", null));
            return Optional.empty();
        }
        Map<Dimension, KeyTree> trees = new EnumMap<>(Dimension.class);
        if (top.get("dimensions") instanceof YamlNode.Mapping dims) {
            for (Dimension d : Dimension.values()) {
                if (d.isRegional()) {
                    continue;
                }
                if (dims.get(d.key()) instanceof YamlNode.Mapping m) {
                    trees.put(d, tree(d.key(), m, diagnostics));
                } else {
                    diagnostics.error("missing_key", dims.location(), "the vocabulary has no dimension `" + d.key() + "`", null);
                }
            }
        } else {
            diagnostics.error("missing_key", top.location(), "the vocabulary needs `dimensions`", null);
        }
        RegionTree regions = regions(top.get("regions"), diagnostics);
        return diagnostics.hasErrors() ? Optional.empty() : Optional.of(new Vocabulary(trees, regions));
    }

    private static KeyTree tree(String dimension, YamlNode.Mapping m, Diagnostics diagnostics) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (m.get("keys") instanceof YamlNode.Mapping km) {
            km.entries().forEach((k, v) -> {
                if (!KeyTree.KEY.matcher(k).matches()) {
                    diagnostics.error("invalid_key", km.keys().get(k), "`" + k + "` is not a valid key",
                            "keys are lowercase words joined by dots: " + KeyTree.KEY.pattern());
                }
                keys.put(k, v instanceof YamlNode.Scalar s ? s.text() : "");
            });
        }
        Map<String, List<String>> aliases = new HashMap<>();
        if (m.get("aliases") instanceof YamlNode.Mapping am) {
            am.entries().forEach((alias, v) -> {
                List<String> targets = scalars(v);
                for (String t : targets) {
                    if (!keys.containsKey(t)) {
                        diagnostics.error("unknown_alias_target", v.location(), "alias `" + alias + "` names unknown " + dimension + " key `" + t + "`", null);
                    }
                }
                aliases.put(alias.toLowerCase(), targets);
            });
        }
        List<String> distinct = scalars(m.get("distinct"));
        for (String k : distinct) {
            if (!keys.containsKey(k)) {
                diagnostics.error("unknown_distinct_key", m.get("distinct").location(), "`distinct` names unknown " + dimension + " key `" + k + "`",
                        "list keys of this dimension that are acts of their own, e.g. share.sell");
            }
        }
        return new KeyTree(dimension, keys, aliases, java.util.Set.copyOf(distinct));
    }

    private static RegionTree regions(YamlNode node, Diagnostics diagnostics) {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        if (!(node instanceof YamlNode.Mapping m)) {
            return new RegionTree(parent, aliases, names);
        }
        if (m.get("groups") instanceof YamlNode.Mapping groups) {
            groups.entries().forEach((group, g) -> {
                if (!(g instanceof YamlNode.Mapping gm)) {
                    diagnostics.error("expected_mapping", g.location(), "region group `" + group + "` must be a mapping", null);
                    return;
                }
                if (gm.get("parent") instanceof YamlNode.Scalar p && !p.isNull()) {
                    parent.put(group, p.text());
                }
                if (gm.get("name") instanceof YamlNode.Scalar n) {
                    names.put(group, n.text());
                }
                for (String member : scalars(gm.get("members"))) {
                    parent.put(member, group);
                }
            });
        }
        if (m.get("subdivisions") instanceof YamlNode.Mapping subs) {
            subs.entries().forEach((country, list) -> scalars(list).forEach(s -> parent.put(s, country)));
        }
        if (m.get("aliases") instanceof YamlNode.Mapping am) {
            am.entries().forEach((a, v) -> scalars(v).forEach(t -> aliases.put(a, t)));
        }
        return new RegionTree(parent, aliases, names);
    }

    private static List<String> scalars(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            out.add(s.text());
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(i -> {
                if (i instanceof YamlNode.Scalar s && !s.isNull()) {
                    out.add(s.text());
                }
            });
        }
        return out;
    }
}
