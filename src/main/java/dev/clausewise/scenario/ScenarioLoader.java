package dev.clausewise.scenario;

import dev.clausewise.query.Query;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.YamlFields;
import dev.clausewise.source.YamlNode;
import dev.clausewise.source.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads scenario YAML; unknown keys, wrong types and duplicate names fail the load with file:line:col. */
public final class ScenarioLoader {
    private static final Set<String> TOP = Set.of("policy", "scenarios");
    private static final Set<String> SCENARIO = Set.of("name", "query", "expect", "explain");
    private static final Set<String> QUERY = Set.of("practice", "data", "recipient", "purpose", "subject", "region", "destination", "context");
    private static final Set<String> CONTEXT = Set.of("consent", "optedOut", "identifiability", "age", "legalProcess", "doNotTrack");
    private static final Set<String> EXPECT = Set.of("outcome", "reason", "conditions", "refinements", "retention");
    private static final Set<String> RETENTION = Set.of("key", "duration");
    private static final Set<String> OUTCOMES = Set.of("ALLOW", "ALLOW_WITH_CONDITIONS", "DENY", "NOT_ADDRESSED", "DEPENDS");

    private ScenarioLoader() {
    }

    public static Optional<ScenarioFile> load(String file, String text, Diagnostics d) {
        Optional<YamlFields> top = YamlReader.read(file, text, d).flatMap(n -> YamlFields.open(n, TOP, d, "a scenario file"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        String policy = top.get().requiredText("policy").map(YamlFields.Located::value).orElse(null);
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Optional<YamlNode> list = top.get().node("scenarios");
        if (list.isPresent() && list.get() instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                scenario(item, policy, d).ifPresent(s -> {
                    if (!names.add(s.name())) {
                        d.error("duplicate_scenario", s.location(), "scenario name `" + s.name() + "` is used twice in this file", "give each scenario its own name");
                    }
                    scenarios.add(s);
                });
            }
        } else {
            d.error("missing_key", top.get().location(), "a scenario file needs a `scenarios` list", null);
        }
        return d.hasErrors() || policy == null ? Optional.empty() : Optional.of(new ScenarioFile(file, policy, scenarios));
    }

    private static Optional<Scenario> scenario(YamlNode node, String policy, Diagnostics d) {
        Optional<YamlFields> f = YamlFields.open(node, SCENARIO, d, "a scenario");
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = f.get().requiredText("name").map(YamlFields.Located::value);
        Optional<Query> query = f.get().node("query").flatMap(n -> YamlFields.open(n, QUERY, d, "a scenario query")).map(q -> query(q, policy, d));
        if (query.isEmpty() && !f.get().has("query")) {
            d.error("missing_key", f.get().location(), "scenario needs a `query`", null);
        }
        Optional<Expectation> expect = f.get().node("expect").flatMap(n -> YamlFields.open(n, EXPECT, d, "`expect`")).flatMap(e -> expectation(e, d));
        if (!f.get().has("expect")) {
            d.error("missing_key", f.get().location(), "scenario needs `expect`", "e.g. `expect: {outcome: DENY}`");
        }
        String explain = f.get().text("explain").map(YamlFields.Located::value).orElse(null);
        if (name.isEmpty() || query.isEmpty() || expect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(name.get(), query.get(), explain, expect.get(), f.get().location()));
    }

    private static Query query(YamlFields q, String policy, Diagnostics d) {
        Query.Context context = q.node("context").flatMap(n -> YamlFields.open(n, CONTEXT, d, "a query context")).map(c -> new Query.Context(
                text(c, "consent"), bool(c, "optedOut", d), text(c, "identifiability"), integer(c, "age", d),
                bool(c, "legalProcess", d), bool(c, "doNotTrack", d))).orElse(Query.Context.NONE);
        return new Query(policy, text(q, "practice"), text(q, "data"), text(q, "recipient"), text(q, "purpose"),
                text(q, "subject"), text(q, "region"), text(q, "destination"), context);
    }

    private static Optional<Expectation> expectation(YamlFields e, Diagnostics d) {
        Optional<YamlFields.Located> outcome = e.requiredText("outcome");
        outcome.filter(o -> !OUTCOMES.contains(o.value())).ifPresent(o -> d.error("invalid_outcome", o.location(),
                "outcome `" + o.value() + "` is not one of " + String.join(", ", OUTCOMES.stream().sorted().toList()),
                dev.clausewise.source.Suggestions.didYouMean(o.value().toUpperCase(), OUTCOMES)));
        String retention = e.node("retention").flatMap(n -> YamlFields.open(n, RETENTION, d, "expected retention")).map(r -> text(r, "key")).orElse(null);
        return outcome.map(o -> new Expectation(o.value(), values(e, "reason"), values(e, "conditions"), values(e, "refinements"), retention));
    }

    private static List<String> values(YamlFields f, String key) {
        return f.texts(key).stream().map(YamlFields.Located::value).toList();
    }

    private static String text(YamlFields f, String key) {
        return f.text(key).map(YamlFields.Located::value).orElse(null);
    }

    private static Boolean bool(YamlFields f, String key, Diagnostics d) {
        return f.text(key).map(l -> switch (l.value()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                d.error("expected_boolean", l.location(), "`" + key + "` must be true or false, found `" + l.value() + "`", null);
                yield null;
            }
        }).orElse(null);
    }

    private static Integer integer(YamlFields f, String key, Diagnostics d) {
        return f.text(key).map(l -> {
            try {
                return Integer.valueOf(l.value());
            } catch (NumberFormatException ex) {
                d.error("expected_integer", l.location(), "`" + key + "` must be a whole number, found `" + l.value() + "`", null);
                return null;
            }
        }).orElse(null);
    }
}
