package dev.clausewise.check;

import dev.clausewise.policy.Acknowledgement;
import dev.clausewise.policy.Effect;
import dev.clausewise.policy.LintCode;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.PolicyLoader;
import dev.clausewise.policy.ScopeQualifier;
import dev.clausewise.policy.Statement;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.source.Suggestions;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.Vocabulary;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a loaded policy against the vocabulary and its document, collecting every diagnostic,
 * and resolves aliases so that later steps see canonical keys only.
 */
public final class PolicyChecker {
    /** Statement and policy ids: the shape that makes them safe as DRL rule names. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    public static final Pattern POLICY_ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final Vocabulary vocabulary;

    public PolicyChecker(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @param expectedId the folder name the policy lives in, or null
     * @param source     the policy's document, or null when source.txt is missing
     */
    public CheckResult check(Policy policy, String expectedId, SourceText source) {
        Diagnostics d = new Diagnostics();
        if (!POLICY_ID.matcher(policy.id()).matches()) {
            d.error("invalid_id", policy.location(), "policy id `" + policy.id() + "` is not a valid id", "use lowercase letters, digits, - and _: " + POLICY_ID.pattern());
        } else if (expectedId != null && !expectedId.equals(policy.id())) {
            d.error("policy_id_mismatch", policy.location(), "policy `" + policy.id() + "` lives in folder `" + expectedId + "`", "name the policy after its folder: `policy: " + expectedId + "`");
        }
        String effective = policy.source().effective();
        if (effective != null && !isIsoDate(effective)) {
            // The date becomes part of the version in every decision, the log and /health: it is a date, nothing else.
            d.error("invalid_date", policy.location(), "`source.effective` is not a date (YYYY-MM-DD)", "e.g. effective: \"2024-01-31\"");
        }
        if (source == null) {
            d.error("missing_source", policy.location(), "no source.txt beside the policy: quotes cannot be proven", "copy the document, unmodified, to source.txt");
        }
        Set<String> ids = new HashSet<>();
        Map<String, Statement> byId = new HashMap<>();
        List<Statement> resolved = new ArrayList<>();
        for (Statement s : policy.statements()) {
            SourceLocation idAt = s.locationOf("id");
            if (!ID.matcher(s.id()).matches()) {
                d.error("invalid_id", idAt, "statement id `" + s.id() + "` is not a valid id", "use lowercase letters, digits and -: " + ID.pattern());
            } else if (!ids.add(s.id())) {
                d.error("duplicate_id", idAt, "statement id `" + s.id() + "` is used twice", "the first is at " + byId.get(s.id()).locationOf("id"));
            }
            byId.putIfAbsent(s.id(), s);
            resolved.add(resolve(s, d));
            if (s.effect() == Effect.DENY && !s.conditionKeys().isEmpty()) {
                d.error("conditions_on_deny", s.locationOf(s.conditions().isEmpty() ? "any_of[0]" : "conditions[0]"), "deny statement `" + s.id() + "` has conditions",
                        "write the exception as an allow statement with the condition that `overrides: [" + s.id() + "]`");
            }
            for (int i = 0; i < s.anyOf().size(); i++) {
                if (ScopeQualifier.of(s.anyOf().get(i)).isPresent()) {
                    d.error("scope_in_any_of", s.locationOf("any_of[" + i + "]"), "`" + s.anyOf().get(i) + "` says which data statement `" + s.id()
                            + "` speaks of; it cannot be one alternative among others", "move it to `conditions`");
                }
            }
            checkRetention(s, d);
            checkCite(s, source, d);
        }
        checkOverrides(policy.statements(), byId, d);
        checkAcknowledgements(policy.statements(), byId, d);
        return new CheckResult(policy.withStatements(resolved), d.sorted());
    }

    private Statement resolve(Statement s, Diagnostics d) {
        Map<Dimension, List<String>> scope = new EnumMap<>(Dimension.class);
        for (Dimension dim : Dimension.MATCHED) {
            scope.put(dim, resolveAll(s, dim, PolicyLoader.field(dim), s.keys(dim), d));
        }
        List<String> conditions = resolveAll(s, Dimension.CONDITION, "conditions", s.conditions(), d);
        List<String> anyOf = resolveAll(s, Dimension.CONDITION, "any_of", s.anyOf(), d);
        return s.withScope(scope, conditions, anyOf);
    }

    private List<String> resolveAll(Statement s, Dimension dim, String field, List<String> written, Diagnostics d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String w = written.get(i);
            SourceLocation at = s.locationOf(field + "[" + i + "]");
            Optional<List<String>> keys = resolveOne(dim, w);
            if (keys.isEmpty()) {
                d.error(dim.unknownCode(), at, "unknown " + dim.key() + " `" + w + "` in statement `" + s.id() + "`", vocabulary.hint(dim, w));
            } else {
                keys.get().stream().filter(k -> !out.contains(k)).forEach(out::add);
            }
        }
        return out;
    }

    private Optional<List<String>> resolveOne(Dimension dim, String written) {
        if (dim.isRegional()) {
            return vocabulary.regions().normalize(written).map(List::of);
        }
        return vocabulary.tree(dim).resolve(written);
    }

    private void checkRetention(Statement s, Diagnostics d) {
        if (s.retention() == null) {
            return;
        }
        String key = s.retention().key();
        if (key != null && !vocabulary.tree(Dimension.RETENTION).contains(key)) {
            d.error("unknown_retention", s.locationOf("retention.key"), "unknown retention `" + key + "`", vocabulary.hint(Dimension.RETENTION, key));
        }
        String duration = s.retention().duration();
        if (duration != null && !isIsoDuration(duration)) {
            d.error("invalid_duration", s.locationOf("retention.duration"), "`" + duration + "` is not an ISO 8601 duration", "e.g. P30D, P13M, P2Y, PT12H");
        }
    }

    private static boolean isIsoDate(String s) {
        try {
            java.time.LocalDate.parse(s);
            return s.length() == 10;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isIsoDuration(String s) {
        try {
            Period.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                Duration.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static void checkCite(Statement s, SourceText source, Diagnostics d) {
        if (s.cite() == null || s.cite().quote() == null || source == null) {
            return;
        }
        if (s.cite().section() == null) {
            d.add(dev.clausewise.source.Diagnostic.warning("missing_section", s.locationOf("cite.quote"), "the cite of `" + s.id() + "` names no section", "add the heading the quote sits under"));
        }
        if (!source.contains(s.cite().quote())) {
            d.error("quote_not_found", s.locationOf("cite.quote"), "the quote of `" + s.id() + "` is not in the document",
                    source.closestPassage(s.cite().quote()).map(p -> "closest passage: \"" + p + "\"").orElse(null));
        }
    }

    private static void checkOverrides(List<Statement> statements, Map<String, Statement> byId, Diagnostics d) {
        for (Statement s : statements) {
            for (int i = 0; i < s.overrides().size(); i++) {
                String target = s.overrides().get(i);
                SourceLocation at = s.locationOf("overrides[" + i + "]");
                if (target.equals(s.id())) {
                    d.error("override_self", at, "statement `" + s.id() + "` overrides itself", null);
                } else if (!byId.containsKey(target)) {
                    d.error("unknown_override", at, "statement `" + s.id() + "` overrides unknown statement `" + target + "`",
                            Suggestions.didYouMean(target, byId.keySet()));
                }
            }
        }
        for (List<String> cycle : cycles(statements, byId)) {
            d.error("override_cycle", byId.get(cycle.get(0)).locationOf("overrides[0]"), "overrides form a cycle: " + String.join(" -> ", cycle),
                    "remove one `overrides` entry so that one statement wins");
        }
    }

    private static void checkAcknowledgements(List<Statement> statements, Map<String, Statement> byId, Diagnostics d) {
        for (Statement s : statements) {
            for (int i = 0; i < s.acknowledged().size(); i++) {
                Acknowledgement a = s.acknowledged().get(i);
                String path = "acknowledged[" + i + "]";
                if (a.code() == null) {
                    continue;
                }
                Optional<LintCode> code = LintCode.of(a.code());
                if (code.isEmpty()) {
                    d.error("unknown_lint_code", s.locationOf(path + ".code"), "`" + a.code() + "` is not a lint finding that can be acknowledged",
                            Optional.ofNullable(Suggestions.didYouMean(a.code(), LintCode.codes())).orElse("one of " + String.join(", ", LintCode.codes())));
                } else if (a.with().isEmpty() && code.get().pairwise()) {
                    d.error("missing_key", a.location(), "acknowledging `" + a.code() + "` needs `with`: the other statement(s)",
                            "write `with: <statement id>` or `with: [<id>, ...]`");
                }
                for (int j = 0; j < a.with().size(); j++) {
                    String other = a.with().get(j);
                    SourceLocation at = s.locationOf(path + ".with[" + j + "]");
                    if (other.equals(s.id())) {
                        d.error("acknowledge_self", at, "statement `" + s.id() + "` acknowledges a finding with itself", null);
                    } else if (!byId.containsKey(other)) {
                        d.error("unknown_statement", at, "statement `" + s.id() + "` acknowledges a finding with unknown statement `" + other + "`",
                                Suggestions.didYouMean(other, byId.keySet()));
                    }
                }
            }
        }
    }

    /**
     * One cycle per back edge of a depth-first search over `overrides`, each statement visited once (linear in
     * statements and edges; a search without the visited set is exponential in layered overrides). Iterative, so
     * that a long chain cannot overflow the stack.
     */
    private static List<List<String>> cycles(List<Statement> statements, Map<String, Statement> byId) {
        Set<String> done = new HashSet<>();
        List<List<String>> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Statement start : statements) {
            if (done.contains(start.id())) {
                continue;
            }
            List<String> path = new ArrayList<>();
            Map<String, Integer> onPath = new HashMap<>();
            List<Integer> next = new ArrayList<>();
            path.add(start.id());
            onPath.put(start.id(), 0);
            next.add(0);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                String id = path.get(top);
                List<String> targets = byId.get(id).overrides();
                int i = next.get(top);
                if (i == targets.size()) {
                    done.add(id);
                    onPath.remove(id);
                    path.remove(top);
                    next.remove(top);
                    continue;
                }
                next.set(top, i + 1);
                String t = targets.get(i);
                if (t.equals(id) || !byId.containsKey(t) || done.contains(t)) {
                    continue;
                }
                Integer at = onPath.get(t);
                if (at != null) {
                    List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
                    cycle.add(t);
                    if (reported.add(String.join(",", new java.util.TreeSet<>(cycle)))) {
                        out.add(cycle);
                    }
                    continue;
                }
                onPath.put(t, path.size());
                path.add(t);
                next.add(0);
            }
        }
        return out;
    }
}
