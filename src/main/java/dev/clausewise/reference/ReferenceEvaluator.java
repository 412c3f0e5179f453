package dev.clausewise.reference;

import dev.clausewise.policy.Outcome;
import dev.clausewise.policy.Effect;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.Identifiability;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Settings;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/semantics.md steps 2–5 as straight-line Java over a checked policy. Matching, age bands and condition
 * settling are deliberately written again here rather than shared with the query and engine packages: the
 * differential test is only worth something if the two sides can disagree.
 */
public final class ReferenceEvaluator {
    /** Each child subject's band: the subject is in it below this age (semantics step 1). */
    private static final Map<String, Integer> AGE_BELOW = Map.of("child", 18, "child.under_16", 16, "child.under_13", 13);

    /** Levels of de-identification: a statement about data of level L speaks of data of level L or more. */
    private static final Map<String, Integer> SCOPE_LEVEL = Map.of("identifiability.pseudonymized", 1,
            "identifiability.aggregated", 2, "identifiability.anonymized", 2);
    /** Who or which data a statement speaks of: a refinement on these never answers the broader question. */
    private static final Set<String> SCOPE_FIELDS = Set.of("subject", "identifiability");

    private final Policy policy;
    private final RegionTree regions;
    private final Set<String> distinctActs;

    /** @param distinctActs the practice keys that are acts of their own (vocabulary `distinct`) */
    public ReferenceEvaluator(Policy policy, RegionTree regions, Set<String> distinctActs) {
        this.policy = policy;
        this.regions = regions;
        this.distinctActs = Set.copyOf(distinctActs);
    }

    public ReferenceDecision decide(NormalizedQuery query) {
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        values.putAll(query.values());
        Settings settings = query.settings();
        Verdict v = verdict(values, settings);
        List<ReferenceDecision.Refinement> refinements = new ArrayList<>();
        for (Candidate r : v.refinements()) {
            Map<Dimension, String> narrowed = new EnumMap<>(values);
            narrowed.putAll(r.restriction());
            Settings there = r.scope() == null ? settings : new Settings(settings.consent(), settings.optedOut(),
                    identifiabilityOfLevel(r.scope()), settings.age(), settings.legalProcess(), settings.doNotTrack());
            Outcome answer = verdict(narrowed, there).outcome();
            if (v.survivors().isEmpty() || permits(answer) != permits(v.outcome())) {
                Map<String, String> restriction = keysByName(r.restriction());
                if (r.scope() != null) {
                    restriction.put("identifiability", r.scopeName());
                }
                refinements.add(new ReferenceDecision.Refinement(r.id(), answer, restriction,
                        r.standing(settings) == Standing.OPEN ? r.open(settings).stream().flatMap(List::stream).toList() : List.of()));
            }
        }
        List<ReferenceDecision.Condition> conditions = new ArrayList<>();
        if (v.outcome() == Outcome.ALLOW_WITH_CONDITIONS) {
            int groups = 0;
            for (Candidate c : v.reasons()) {
                c.restriction().forEach((d, key) -> conditions.add(new ReferenceDecision.Condition(c.id(), d.key(), key, null)));
                for (List<String> open : c.open(settings)) {
                    Integer group = open.size() > 1 ? ++groups : null;
                    open.forEach(k -> conditions.add(new ReferenceDecision.Condition(c.id(), null, k, group)));
                }
            }
        }
        return new ReferenceDecision(v.outcome(), v.reasons().stream().map(Candidate::id).toList(), conditions, refinements);
    }

    /** The identifiability named for a scope level (the data the statement speaks of). */
    private static Identifiability identifiabilityOfLevel(String qualifier) {
        return switch (qualifier) {
            case "identifiability.pseudonymized" -> Identifiability.PSEUDONYMIZED;
            case "identifiability.aggregated" -> Identifiability.AGGREGATED;
            default -> Identifiability.ANONYMIZED;
        };
    }

    private static Map<String, String> keysByName(Map<Dimension, String> restriction) {
        Map<String, String> out = new LinkedHashMap<>();
        restriction.forEach((d, k) -> out.put(d.key(), k));
        return out;
    }

    private static boolean permits(Outcome o) {
        return o == Outcome.ALLOW || o == Outcome.ALLOW_WITH_CONDITIONS;
    }

    /** The outcome and its reasons (by id), with the survivors and refinements it was decided from. */
    private record Verdict(Outcome outcome, List<Candidate> reasons, List<Candidate> survivors, List<Candidate> refinements) {
    }

    private Verdict verdict(Map<Dimension, String> values, Settings settings) {
        List<Candidate> candidates = new ArrayList<>();
        for (Statement s : policy.statements()) {
            Candidate c = candidate(s, values, settings);
            if (c != null) {
                candidates.add(c);
            }
        }
        // Step 3.1: every candidate's `overrides` is applied, whether or not the candidate itself is removed; a
        // statement outside its data scope removes nothing, and a defeated allow removes no deny.
        Set<String> removed = new HashSet<>();
        for (Candidate a : candidates) {
            for (Candidate b : candidates) {
                if (a.statement().overrides().contains(b.id()) && a.scope() == null && (a.applies() || !b.applies())
                        && !liftsNothing(a, b, settings)) {
                    removed.add(b.id());
                }
            }
        }
        List<Candidate> applying = candidates.stream().filter(c -> c.applies() && !removed.contains(c.id())).toList();
        List<Candidate> survivors = applying.stream()
                .filter(b -> applying.stream().noneMatch(a -> a.moreSpecificThan(b) && !b.statement().overrides().contains(a.id())
                        && !liftsNothing(a, b, settings)))
                .sorted(Comparator.comparing(Candidate::id)).toList();
        List<Candidate> refinements = candidates.stream().filter(c -> !c.applies() && !removed.contains(c.id()))
                .sorted(Comparator.comparing(Candidate::id)).toList();
        return survivors.isEmpty() ? broad(refinements, settings) : decided(survivors, refinements, settings);
    }

    /** A defeated allow does not stand, so it cannot remove the deny it was an exception to. */
    private static boolean liftsNothing(Candidate winner, Candidate loser, Settings settings) {
        return loser.statement().effect() == Effect.DENY && winner.standing(settings) == Standing.DEFEATED;
    }

    /** Step 5, first table: the survivors decide. */
    private static Verdict decided(List<Candidate> survivors, List<Candidate> refinements, Settings settings) {
        List<Candidate> denies = of(survivors, settings, Standing.DENY);
        List<Candidate> clear = of(survivors, settings, Standing.CLEAR);
        List<Candidate> open = of(survivors, settings, Standing.OPEN);
        List<Candidate> defeated = of(survivors, settings, Standing.DEFEATED);
        if (!denies.isEmpty()) {
            List<Candidate> reasons = new ArrayList<>(denies);
            reasons.addAll(clear);
            reasons.addAll(open);
            return new Verdict(Outcome.DENY, sorted(reasons), survivors, refinements);
        }
        if (!clear.isEmpty()) {
            return new Verdict(Outcome.ALLOW, clear, survivors, refinements);
        }
        if (!open.isEmpty()) {
            return new Verdict(Outcome.ALLOW_WITH_CONDITIONS, open, survivors, refinements);
        }
        return new Verdict(Outcome.DENY, defeated, survivors, refinements);
    }

    /**
     * Step 5, second table: no statement applies, so the narrower ones answer together. Narrower allows that read as
     * conditions of the answer decide it; narrower denies and statements about narrower subjects or data only refine.
     */
    private static Verdict broad(List<Candidate> refinements, Settings settings) {
        List<Candidate> answering = refinements.stream().filter(c -> !c.scoped()).toList();
        List<Candidate> allows = answering.stream().filter(c -> c.standing(settings).permits()).toList();
        if (allows.isEmpty()) {
            return new Verdict(Outcome.NOT_ADDRESSED, List.of(), List.of(), refinements);
        }
        return allows.size() == answering.size()
                ? new Verdict(Outcome.ALLOW_WITH_CONDITIONS, allows, List.of(), refinements)
                : new Verdict(Outcome.DEPENDS, answering, List.of(), refinements);
    }

    private static List<Candidate> of(List<Candidate> cs, Settings settings, Standing kind) {
        return cs.stream().filter(c -> c.standing(settings) == kind).toList();
    }

    private static List<Candidate> sorted(List<Candidate> cs) {
        return cs.stream().sorted(Comparator.comparing(Candidate::id)).toList();
    }

    /**
     * Step 2: the statement against the query on every dimension; null when it is disjoint on one. An allow whose scope
     * qualifier the data does not meet is kept as narrower in identifiability (its scope).
     */
    private Candidate candidate(Statement s, Map<Dimension, String> values, Settings settings) {
        Map<Dimension, Match> matches = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.MATCHED) {
            Match m = match(d, s.keys(d), values.get(d), settings.age(), s.effect());
            if (m.relation() == Relation.DISJOINT) {
                return null;
            }
            matches.put(d, m);
        }
        int level = switch (settings.identifiability()) {
            case IDENTIFIED -> 0;
            case PSEUDONYMIZED -> 1;
            case AGGREGATED, ANONYMIZED -> 2;
        };
        String scope = null;
        for (String c : s.conditions()) {
            Integer required = SCOPE_LEVEL.get(c);
            if (required != null && level < required && (scope == null || required > SCOPE_LEVEL.get(scope))) {
                scope = c;
            }
        }
        return new Candidate(s, matches, scope);
    }

    /**
     * The statement's keys on one dimension against the query's value: it covers when some key covers (the deepest
     * such key is the matching one), else it is narrower when some key is (the first such key is the restriction).
     */
    private Match match(Dimension d, List<String> keys, String q, Integer age, Effect effect) {
        if (keys.isEmpty()) {
            return new Match(Relation.COVERS, null, 0);
        }
        Match covers = null;
        Match narrower = null;
        for (String key : keys) {
            Relation r = relation(d, key, q, age, effect);
            if (r == Relation.COVERS && (covers == null || depth(d, key) > covers.depth())) {
                covers = new Match(r, key, depth(d, key));
            } else if (r == Relation.NARROWER && narrower == null) {
                narrower = new Match(r, key, depth(d, key));
            }
        }
        if (covers != null) {
            return covers;
        }
        return narrower != null ? narrower : new Match(Relation.DISJOINT, null, 0);
    }

    private Relation relation(Dimension d, String key, String q, Integer age, Effect effect) {
        if (d == Dimension.SUBJECT && age != null && AGE_BELOW.containsKey(key)) {
            return age < AGE_BELOW.get(key) ? Relation.COVERS : Relation.DISJOINT;
        }
        boolean regional = d.isRegional();
        if (q != null && (regional ? regions.isAncestorOrSelf(key, q) : KeyTree.isAncestorOrSelf(key, q))) {
            boolean actBetween = d == Dimension.PRACTICE && effect == Effect.ALLOW && distinctActs.stream()
                    .anyMatch(act -> !act.equals(key) && act.startsWith(key + ".") && (q.equals(act) || q.startsWith(act + ".")));
            return actBetween ? Relation.DISJOINT : Relation.COVERS;
        }
        if (q == null || (regional ? regions.isAncestorOrSelf(q, key) : KeyTree.isAncestorOrSelf(q, key))) {
            return Relation.NARROWER;
        }
        return Relation.DISJOINT;
    }

    /** How specific a key is: regions count from ANY (EU 3, FR 4), other keys by their parts (user.contact 2). */
    private int depth(Dimension d, String key) {
        return d.isRegional() ? regions.depth(key) : KeyTree.depth(key);
    }

    private enum Relation { COVERS, NARROWER, DISJOINT }

    private record Match(Relation relation, String key, int depth) {
    }

    /** Step 4's kinds of statement for one query. */
    private enum Standing {
        DENY, CLEAR, OPEN, DEFEATED;

        boolean permits() {
            return this == CLEAR || this == OPEN;
        }
    }

    private enum Status { SATISFIED, DEFEATED, OPEN }

    /** {@code scope}: the scope qualifier the query's data does not meet, or null. */
    private record Candidate(Statement statement, Map<Dimension, Match> matches, String scope) {
        String id() {
            return statement.id();
        }

        boolean applies() {
            return scope == null && matches.values().stream().allMatch(m -> m.relation() == Relation.COVERS);
        }

        /** Narrower in who (subject) or which data (identifiability) it speaks of. */
        boolean scoped() {
            return scope != null || matches.get(Dimension.SUBJECT).relation() == Relation.NARROWER;
        }

        String scopeName() {
            return scope.substring(scope.indexOf('.') + 1);
        }

        /** The narrower keys, by dimension in the order of Dimension.MATCHED. */
        Map<Dimension, String> restriction() {
            Map<Dimension, String> out = new EnumMap<>(Dimension.class);
            matches.forEach((d, m) -> {
                if (m.relation() == Relation.NARROWER) {
                    out.put(d, m.key());
                }
            });
            return out;
        }

        boolean moreSpecificThan(Candidate other) {
            boolean deeper = false;
            for (Dimension d : Dimension.MATCHED) {
                int mine = matches.get(d).depth();
                int theirs = other.matches.get(d).depth();
                if (mine < theirs) {
                    return false;
                }
                deeper |= mine > theirs;
            }
            return deeper;
        }

        /** Each condition that must hold: a single key, or the statement's alternatives; scope qualifiers aside. */
        List<List<String>> requirements() {
            List<List<String>> out = new ArrayList<>();
            statement.conditions().stream().filter(c -> !SCOPE_LEVEL.containsKey(c)).forEach(c -> out.add(List.of(c)));
            if (!statement.anyOf().isEmpty()) {
                out.add(statement.anyOf());
            }
            return out;
        }

        Standing standing(Settings settings) {
            if (statement.effect() == Effect.DENY) {
                return Standing.DENY;
            }
            boolean open = false;
            for (List<String> any : requirements()) {
                Status s = settleAny(any, settings);
                if (s == Status.DEFEATED) {
                    return Standing.DEFEATED;
                }
                open |= s == Status.OPEN;
            }
            return open ? Standing.OPEN : Standing.CLEAR;
        }

        /** The open requirements, each with only its open alternatives, sorted within and by first key. */
        List<List<String>> open(Settings settings) {
            return requirements().stream().filter(any -> settleAny(any, settings) == Status.OPEN)
                    .map(any -> any.stream().filter(c -> settle(c, settings) == Status.OPEN).sorted().toList())
                    .sorted(Comparator.comparing(any -> any.get(0))).toList();
        }
    }

    private static Status settleAny(List<String> alternatives, Settings s) {
        List<Status> all = alternatives.stream().map(c -> settle(c, s)).toList();
        if (all.contains(Status.SATISFIED)) {
            return Status.SATISFIED;
        }
        return all.contains(Status.OPEN) ? Status.OPEN : Status.DEFEATED;
    }

    /** Step 4's table, row by row. */
    private static Status settle(String condition, Settings s) {
        switch (condition) {
            case "choice.opt_in", "legal_basis.consent", "trigger.parental_consent" -> {
                return switch (s.consent()) {
                    case GRANTED -> Status.SATISFIED;
                    case DENIED -> Status.DEFEATED;
                    case UNKNOWN -> Status.OPEN;
                };
            }
            case "identifiability.pseudonymized" -> {
                return s.identifiability() == Identifiability.IDENTIFIED ? Status.DEFEATED : Status.SATISFIED;
            }
            case "identifiability.aggregated", "identifiability.anonymized" -> {
                return s.identifiability() == Identifiability.AGGREGATED || s.identifiability() == Identifiability.ANONYMIZED
                        ? Status.SATISFIED : Status.DEFEATED;
            }
            case "identifiability.identified", "choice.none" -> {
                return Status.SATISFIED;
            }
            case "trigger.required_by_law" -> {
                return s.legalProcess() == null ? Status.OPEN : s.legalProcess() ? Status.SATISFIED : Status.DEFEATED;
            }
            default -> {
                if (KeyTree.isAncestorOrSelf("choice.opt_out", condition)) {
                    if (condition.equals("choice.opt_out.browser_device.do_not_track") && s.doNotTrack()) {
                        return Status.DEFEATED;
                    }
                    return s.optedOut() == null ? Status.OPEN : s.optedOut() ? Status.DEFEATED : Status.SATISFIED;
                }
                return Status.OPEN;
            }
        }
    }
}
