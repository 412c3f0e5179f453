package dev.clausewise.policy;

import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.source.YamlFields;
import dev.clausewise.source.YamlNode;
import dev.clausewise.source.YamlReader;
import dev.clausewise.vocabulary.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads policy.yaml into a {@link Policy}, keeping every value as written and where it was written. */
public final class PolicyLoader {
    private static final Set<String> TOP = Set.of("policy", "title", "source", "statements");
    private static final Set<String> SOURCE = Set.of("document", "url", "effective");
    private static final Set<String> STATEMENT = Set.of("id", "description", "practice", "data", "recipient", "purpose",
            "subject", "regions", "destinations", "effect", "conditions", "any_of", "retention", "overrides", "acknowledged", "cite");
    private static final Set<String> CITE = Set.of("section", "quote");
    private static final Set<String> RETENTION = Set.of("key", "duration");
    private static final Set<String> ACKNOWLEDGED = Set.of("code", "with", "why");
    /** YAML field → dimension, for the matched dimensions. */
    private static final Map<String, Dimension> SCOPE_FIELDS = Map.of("practice", Dimension.PRACTICE, "data", Dimension.DATA,
            "recipient", Dimension.RECIPIENT, "purpose", Dimension.PURPOSE, "subject", Dimension.SUBJECT,
            "regions", Dimension.REGION, "destinations", Dimension.DESTINATION);

    private PolicyLoader() {
    }

    /** The YAML field that holds a matched dimension's keys ("regions" for REGION). */
    public static String field(Dimension d) {
        return SCOPE_FIELDS.entrySet().stream().filter(e -> e.getValue() == d).map(Map.Entry::getKey).findFirst().orElse(d.key());
    }

    public static Optional<Policy> load(String file, String text, Diagnostics diagnostics) {
        Optional<YamlNode> root = YamlReader.read(file, text, diagnostics);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlFields> top = YamlFields.open(root.get(), TOP, diagnostics, "a policy");
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlFields f = top.get();
        String id = f.requiredText("policy").map(YamlFields.Located::value).orElse(null);
        String title = f.text("title").map(YamlFields.Located::value).orElse(id);
        PolicySource source = f.node("source").flatMap(n -> YamlFields.open(n, SOURCE, diagnostics, "source"))
                .map(s -> new PolicySource(value(s, "document"), value(s, "url"), value(s, "effective")))
                .orElse(new PolicySource(null, null, null));
        List<Statement> statements = new ArrayList<>();
        Optional<YamlNode> list = f.node("statements");
        if (list.isEmpty()) {
            diagnostics.error("missing_key", f.location(), "a policy needs `statements`", null);
        } else if (list.get() instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                statement(item, source.document(), diagnostics).ifPresent(statements::add);
            }
        } else {
            diagnostics.error("expected_list", list.get().location(), "`statements` must be a list", null);
        }
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Policy(id, title, source, statements, f.location()));
    }

    private static String value(YamlFields f, String key) {
        return f.text(key).map(YamlFields.Located::value).orElse(null);
    }

    private static Optional<Statement> statement(YamlNode node, String document, Diagnostics diagnostics) {
        Optional<YamlFields> opened = YamlFields.open(node, STATEMENT, diagnostics, "a statement");
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        YamlFields f = opened.get();
        Map<String, SourceLocation> at = new HashMap<>();
        Optional<YamlFields.Located> id = f.requiredText("id");
        id.ifPresent(l -> at.put("id", l.location()));

        Map<Dimension, List<String>> scope = new EnumMap<>(Dimension.class);
        SCOPE_FIELDS.forEach((field, dim) -> scope.put(dim, located(f, field, at)));
        if (!f.has("practice") && !f.misspells("practice")) {
            diagnostics.error("missing_key", f.location(), "statement `" + id.map(YamlFields.Located::value).orElse("?") + "` needs `practice`", "one practice key, e.g. `collect.direct` or `share.sell`");
        }
        Effect effect = f.requiredText("effect").flatMap(l -> {
            at.put("effect", l.location());
            try {
                return Optional.of(Effect.valueOf(l.value().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                diagnostics.error("invalid_effect", l.location(), "effect `" + l.value() + "` is neither allow nor deny", "write `effect: allow` or `effect: deny`");
                return Optional.empty();
            }
        }).orElse(null);
        List<String> conditions = located(f, "conditions", at);
        List<String> anyOf = located(f, "any_of", at);
        if (anyOf.size() == 1) {
            diagnostics.error("single_alternative", at.get("any_of[0]"), "`any_of` lists one condition: alternatives need two or more",
                    "move `" + anyOf.get(0) + "` to `conditions`");
        }
        List<String> overrides = located(f, "overrides", at);
        List<Acknowledgement> acknowledged = acknowledged(f, diagnostics, at);

        Retention retention = f.node("retention").flatMap(n -> YamlFields.open(n, RETENTION, diagnostics, "retention")).map(r -> {
            r.requiredText("key").ifPresent(l -> at.put("retention.key", l.location()));
            r.text("duration").ifPresent(l -> at.put("retention.duration", l.location()));
            return new Retention(value(r, "key"), value(r, "duration"));
        }).orElse(null);

        Cite cite = null;
        if (!f.has("cite")) {
            diagnostics.error("missing_cite", f.location(), "statement `" + id.map(YamlFields.Located::value).orElse("?") + "` cites no clause",
                    "add `cite: {section: \"...\", quote: \"...\"}` with a verbatim quote of the document");
        } else {
            cite = f.node("cite").flatMap(n -> YamlFields.open(n, CITE, diagnostics, "cite")).map(c -> {
                c.text("section").ifPresent(l -> at.put("cite.section", l.location()));
                Optional<YamlFields.Located> quote = c.text("quote");
                quote.ifPresent(l -> at.put("cite.quote", l.location()));
                if (quote.isEmpty()) {
                    diagnostics.error("missing_cite", c.location(), "the cite has no `quote`", "quote the clause verbatim from the document");
                }
                return new Cite(document, value(c, "section"), quote.map(YamlFields.Located::value).orElse(null));
            }).orElse(null);
        }
        if (id.isEmpty() || effect == null) {
            return Optional.empty();
        }
        return Optional.of(new Statement(id.get().value(), value(f, "description"), scope, effect, conditions, anyOf, retention,
                overrides, acknowledged, cite, f.location(), at));
    }

    /** {@code acknowledged: [{code: lint_conflict, with: [other-id, ...], why: "..."}]}; codes and ids are checked later. */
    private static List<Acknowledgement> acknowledged(YamlFields f, Diagnostics diagnostics, Map<String, SourceLocation> at) {
        Optional<YamlNode> node = f.node("acknowledged");
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof YamlNode.Sequence seq)) {
            diagnostics.error("expected_list", node.get().location(), "`acknowledged` must be a list of {code, with, why}", null);
            return List.of();
        }
        List<Acknowledgement> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            YamlFields.open(item, ACKNOWLEDGED, diagnostics, "an acknowledgement").ifPresent(a -> {
                String path = "acknowledged[" + out.size() + "]";
                Optional<YamlFields.Located> code = a.requiredText("code");
                code.ifPresent(l -> at.put(path + ".code", l.location()));
                List<YamlFields.Located> with = a.texts("with");
                for (int i = 0; i < with.size(); i++) {
                    at.put(path + ".with[" + i + "]", with.get(i).location());
                }
                Optional<YamlFields.Located> why = a.requiredText("why");
                if (why.isPresent() && why.get().value().isBlank()) {
                    diagnostics.error("missing_key", why.get().location(), "an acknowledgement needs a reason in `why`", "say why the policy is right as written");
                }
                out.add(new Acknowledgement(code.map(YamlFields.Located::value).orElse(null), with.stream().map(YamlFields.Located::value).toList(),
                        why.map(YamlFields.Located::value).orElse(null), a.location()));
            });
        }
        return out;
    }

    private static List<String> located(YamlFields f, String field, Map<String, SourceLocation> at) {
        List<YamlFields.Located> items = f.texts(field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            at.put(field + "[" + i + "]", items.get(i).location());
            out.add(items.get(i).value());
        }
        return out;
    }
}
