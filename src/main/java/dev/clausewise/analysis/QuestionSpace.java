package dev.clausewise.analysis;

import dev.clausewise.policy.Effect;
import dev.clausewise.policy.Retention;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.ConditionStatus;
import dev.clausewise.query.Consent;
import dev.clausewise.query.Identifiability;
import dev.clausewise.query.KeyMatch;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.query.Relation;
import dev.clausewise.query.Settings;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.RegionTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The question space of one or more policies, cut into {@link Cell}s: classes of questions that no statement
 * of those policies can tell apart by its keys. Two values of a matched axis fall into one class when every
 * relevant statement matches both alike, as {@link NormalizedQuery#relate} (the call every generated rule makes)
 * says. The context is left to {@link Answers}, which cuts it by what the engine consulted.
 * Nothing here decides anything: every answer comes from the engine.
 *
 * <p>The search fixes one axis at a time and keeps only the statements still relevant (not disjoint), so each
 * axis is cut only by the keys that can still matter; a branch where no statement is relevant is skipped
 * (every side answers NOT_ADDRESSED there), and with two sides, a branch where both have the same relevant
 * statements is skipped (both answer alike there).
 */
public final class QuestionSpace {
    /** The value of a field left out of the question ("not limited"). */
    public static final String NOT_GIVEN = "";

    private final Vocabulary vocabulary;
    private final QueryNormalizer normalizer;
    private final Statement[] statements;
    private final int[] side;
    private final int[] fingerprint;
    /** Per statement and dimension, its keys joined by '|' (null when it names none). */
    private final String[][] joined;
    private final int sides;
    private final Map<Axis, List<String>> universe = new EnumMap<>(Axis.class);
    private final Map<String, Set<String>> ageSubjects = new LinkedHashMap<>();
    private final Map<Axis, Set<String>> whole = new EnumMap<>(Axis.class);
    private final Map<List<Object>, List<Part>> parts = new ConcurrentHashMap<>();
    private final Map<String, Set<Axis>> dependencies = new ConcurrentHashMap<>();
    /** One instance per distinct match: the answer keys of a large space repeat a few hundred matches millions of times. */
    private final Map<Match, Match> matches = new ConcurrentHashMap<>();

    /** One class of an axis: the value asked, every value in the class, and how each statement's keys match them. */
    private record Part(String asked, Set<String> members, Map<String, Match> matches) {
    }

    /**
     * What the engine reads of a statement's match on one dimension ({@link KeyMatch#reading}), and whether the value
     * is a distinct act below the key, which a deny reaches and an allow does not.
     */
    private record Match(KeyMatch.Reading reading, boolean permissionStops) {
        static Match of(KeyMatch m) {
            return new Match(m.reading(), false);
        }

        static Match of(KeyMatch m, boolean permissionStops) {
            return new Match(m.reading(), m.relation() == Relation.COVERS && permissionStops);
        }

        boolean disjointFor(Effect effect) {
            return reading.relation() == Relation.DISJOINT || effect == Effect.ALLOW && permissionStops;
        }
    }

    /** What makes two statements answer alike: everything but where they were written and what they cite. */
    private record Fingerprint(String id, Map<Dimension, List<String>> scope, Effect effect, List<String> conditions,
                               List<String> anyOf, Retention retention, List<String> overrides) {
    }

    /** @param policies the statements of each side (one side for lint, two for a diff) */
    public QuestionSpace(Vocabulary vocabulary, List<List<Statement>> policies) {
        this.vocabulary = vocabulary;
        this.normalizer = new QueryNormalizer(vocabulary);
        this.sides = policies.size();
        List<Statement> all = new ArrayList<>();
        List<Integer> sideOf = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            for (Statement s : policies.get(i)) {
                all.add(s);
                sideOf.add(i);
            }
        }
        this.statements = all.toArray(new Statement[0]);
        this.side = sideOf.stream().mapToInt(Integer::intValue).toArray();
        this.joined = new String[statements.length][Dimension.values().length];
        for (int i = 0; i < statements.length; i++) {
            for (Dimension d : Dimension.MATCHED) {
                List<String> keys = statements[i].keys(d);
                joined[i][d.ordinal()] = keys.isEmpty() ? null : String.join("|", keys);
            }
        }
        Map<Fingerprint, Integer> ids = new HashMap<>();
        this.fingerprint = all.stream().mapToInt(s -> ids.computeIfAbsent(new Fingerprint(s.id(), s.scope(), s.effect(),
                s.conditions(), s.anyOf(), s.retention(), s.overrides()), f -> ids.size())).toArray();
        for (Axis a : Axis.values()) {
            universe.put(a, values(a, all));
            whole.put(a, Collections.unmodifiableSet(new LinkedHashSet<>(universe.get(a))));
        }
    }

    /** Every value an axis takes, in a stable order with the default first where the field has one. */
    private List<String> values(Axis a, List<Statement> all) {
        return switch (a) {
            case PRACTICE, DATA -> keys(a.dimension(), all);
            case RECIPIENT, PURPOSE, SUBJECT, DESTINATION -> withNotGiven(keys(a.dimension(), all));
            case REGION -> keys(a.dimension(), all);
            case AGE -> withNotGiven(ageClasses());
            case CONSENT -> Arrays.stream(Consent.values()).sorted((x, y) -> x == Consent.UNKNOWN ? -1 : y == Consent.UNKNOWN ? 1 : 0)
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            case IDENTIFIABILITY -> Arrays.stream(Identifiability.values()).map(i -> i.name().toLowerCase(Locale.ROOT)).toList();
            case OPTED_OUT, LEGAL_PROCESS -> List.of(NOT_GIVEN, "false", "true");
            case DO_NOT_TRACK -> List.of("false", "true");
        };
    }

    private static List<String> withNotGiven(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(NOT_GIVEN);
        out.addAll(values);
        return out;
    }

    /** The vocabulary's keys, plus any region code a statement names that the region tree does not list. */
    private List<String> keys(Dimension d, List<Statement> all) {
        TreeSet<String> keys = new TreeSet<>();
        if (d.isRegional()) {
            keys.add(RegionTree.ANY);
            keys.addAll(vocabulary.regions().groupsAndCountries());
            all.forEach(s -> keys.addAll(s.keys(d)));
        } else {
            keys.addAll(vocabulary.tree(d).words());
        }
        List<String> out = new ArrayList<>(keys);
        if (d == Dimension.DATA) {
            // The default first: a class holding "user" is asked as "user".
            out.remove("user");
            out.add(0, "user");
        } else if (d == Dimension.REGION) {
            out.remove(RegionTree.ANY);
            out.add(0, RegionTree.ANY);
        }
        return out;
    }

    /** Ages 0..150 grouped by the child subjects the normalizer says they imply: "0-12", "13-15", ... */
    private List<String> ageClasses() {
        String practice = universe.get(Axis.PRACTICE).get(0);
        List<String> labels = new ArrayList<>();
        int from = 0;
        Set<String> current = implied(practice, 0);
        for (int age = 1; age <= 151; age++) {
            Set<String> next = age <= 150 ? implied(practice, age) : null;
            if (!current.equals(next)) {
                String label = from + "-" + (age - 1);
                labels.add(label);
                ageSubjects.put(label, current);
                from = age;
                current = next;
            }
        }
        return labels;
    }

    private Set<String> implied(String practice, int age) {
        Query q = new Query(null, practice, null, null, null, null, null, null, new Query.Context(null, null, null, age, null, null));
        return normalizer.normalize(q).query().ageSubjects();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Every value of an axis, for rendering a class of values as general keys. */
    public List<String> universe(Axis a) {
        return universe.get(a);
    }

    /** The normalized question of a cell. */
    public NormalizedQuery normalize(Cell cell) {
        return normalizer.normalize(cell.query(null)).query();
    }

    /**
     * The cells where some statement is relevant (with two sides: where the sides' relevant statements differ),
     * each asked with the default context and holding every context value.
     */
    public List<Cell> cells(Progress progress) {
        List<Cell> out = new ArrayList<>();
        BitSet live = new BitSet(statements.length);
        live.set(0, statements.length);
        String[] asked = new String[Axis.values().length];
        @SuppressWarnings("unchecked")
        Set<String>[] members = new Set[Axis.values().length];
        descend(0, live, asked, members, out, progress);
        return out;
    }

    private void descend(int axis, BitSet live, String[] asked, Set<String>[] members, List<Cell> out, Progress progress) {
        if (axis == Axis.CONSENT.ordinal()) {
            if (out.size() % 256 == 0) {
                progress.step();
            }
            Map<Axis, String> a = new EnumMap<>(Axis.class);
            Map<Axis, Set<String>> m = new EnumMap<>(Axis.class);
            for (Axis x : Axis.values()) {
                boolean context = x.ordinal() >= axis;
                a.put(x, context ? universe.get(x).get(0) : asked[x.ordinal()]);
                m.put(x, context ? whole.get(x) : members[x.ordinal()]);
            }
            Cell cell = new Cell(a, m, List.of());
            out.add(new Cell(a, m, answerKeys(live, normalize(cell))));
            return;
        }
        Axis a = Axis.values()[axis];
        for (Part p : parts(a, live, asked)) {
            BitSet next = a.dimension() == null ? live : narrow(a.dimension(), live, p);
            if (next.isEmpty() || sides > 1 && alike(next)) {
                continue;
            }
            asked[a.ordinal()] = p.asked();
            members[a.ordinal()] = p.members();
            descend(axis + 1, next, asked, members, out, progress);
        }
        asked[a.ordinal()] = null;
    }

    /**
     * Per side, everything the engine can see of the cell's question but its context: which statements match
     * and each one's match on each of its dimensions ({@link NormalizedQuery#relate}, the call its generated rule
     * makes). Rules read the query only through relate and settle, so cells with equal keys get equal answers
     * under equal context.
     */
    private List<Object> answerKeys(BitSet live, NormalizedQuery q) {
        List<List<Object>> keys = new ArrayList<>();
        for (int s = 0; s < sides; s++) {
            keys.add(new ArrayList<>());
        }
        for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
            List<Object> key = keys.get(side[i]);
            key.add(i);
            for (Dimension d : Dimension.MATCHED) {
                if (joined[i][d.ordinal()] != null) {
                    Match m = Match.of(q.relate(d, joined[i][d.ordinal()], statements[i].effect()));
                    key.add(matches.computeIfAbsent(m, x -> x));
                }
            }
        }
        return List.copyOf(keys);
    }

    /** The statements still relevant once the axis takes this class's values: their keys are not disjoint from it. */
    private BitSet narrow(Dimension d, BitSet live, Part p) {
        BitSet next = new BitSet(statements.length);
        for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
            String keys = joined[i][d.ordinal()];
            if (keys == null || !p.matches().get(keys).disjointFor(statements[i].effect())) {
                next.set(i);
            }
        }
        return next;
    }

    /** Whether every side has the same relevant statements (then they answer every question below alike). */
    private boolean alike(BitSet live) {
        List<List<Integer>> bySide = new ArrayList<>();
        for (int s = 0; s < sides; s++) {
            bySide.add(new ArrayList<>());
        }
        for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
            bySide.get(side[i]).add(fingerprint[i]);
        }
        bySide.forEach(Collections::sort);
        return bySide.stream().distinct().count() == 1;
    }

    private List<Part> parts(Axis a, BitSet live, String[] asked) {
        if (a == Axis.AGE) {
            List<String> keys = liveKeys(Dimension.SUBJECT, live);
            return parts.computeIfAbsent(List.of(a, keys), k -> ageParts(keys));
        }
        if (a.dimension() != null) {
            List<String> keys = liveKeys(a.dimension(), live);
            String age = a == Axis.SUBJECT ? asked[Axis.AGE.ordinal()] : NOT_GIVEN;
            return parts.computeIfAbsent(List.of(a, keys, age), k -> matchedParts(a, keys, age));
        }
        throw new IllegalArgumentException("the context is not cut here: " + a);
    }

    /** The key lists (joined by '|', as the compiler writes them) of the relevant statements on one dimension. */
    private List<String> liveKeys(Dimension d, BitSet live) {
        TreeSet<String> keys = new TreeSet<>();
        for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
            if (joined[i][d.ordinal()] != null) {
                keys.add(joined[i][d.ordinal()]);
            }
        }
        return List.copyOf(keys);
    }

    /** Values grouped by how each key list matches them, in universe order; the first value of a class is asked. */
    private List<Part> matchedParts(Axis a, List<String> keys, String age) {
        Map<List<Match>, Set<String>> classes = new LinkedHashMap<>();
        for (String v : universe.get(a)) {
            classes.computeIfAbsent(matches(a.dimension(), v, age, keys), k -> new LinkedHashSet<>()).add(v);
        }
        List<Part> out = new ArrayList<>();
        classes.forEach((sig, members) -> {
            Map<String, Match> matches = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                matches.put(keys.get(i), sig.get(i));
            }
            out.add(new Part(members.iterator().next(), Collections.unmodifiableSet(members), matches));
        });
        return out;
    }

    private List<Match> matches(Dimension d, String value, String age, List<String> keys) {
        Map<Dimension, String> values = value.equals(NOT_GIVEN) ? Map.of() : Map.of(d, value);
        Integer years = age.equals(NOT_GIVEN) ? null : Integer.valueOf(age.substring(0, age.indexOf('-')));
        Settings settings = new Settings(Consent.UNKNOWN, null, Identifiability.IDENTIFIED, years, null, false);
        NormalizedQuery probe = new NormalizedQuery(null, values, age.equals(NOT_GIVEN) ? Set.of() : ageSubjects.get(age),
                settings, vocabulary.regions(), vocabulary.tree(Dimension.PRACTICE));
        List<Match> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            KeyMatch plain = probe.relate(d, k, Effect.DENY);
            out.add(Match.of(plain, probe.relate(d, k, Effect.ALLOW).disjoint()));
        }
        return out;
    }

    /** Ages grouped by how every subject value relates to the subject keys at that age. */
    private List<Part> ageParts(List<String> keys) {
        Map<List<List<Match>>, Set<String>> classes = new LinkedHashMap<>();
        for (String age : universe.get(Axis.AGE)) {
            List<List<Match>> sig = new ArrayList<>();
            for (String subject : universe.get(Axis.SUBJECT)) {
                sig.add(matches(Dimension.SUBJECT, subject, age, keys));
            }
            classes.computeIfAbsent(sig, k -> new LinkedHashSet<>()).add(age);
        }
        return classes.values().stream().map(m -> new Part(m.iterator().next(), Collections.unmodifiableSet(m), Map.of())).toList();
    }

    /** The context fields' values when the question leaves them out (consent unknown, identified, ...). */
    public Map<Axis, String> defaultContext() {
        Map<Axis, String> out = new EnumMap<>(Axis.class);
        Axis.CONTEXT.forEach(a -> out.put(a, universe.get(a).get(0)));
        return out;
    }

    /** The settings a context point stands for, to ask {@link Settings#settle} about conditions. */
    public static Settings settings(Map<Axis, String> context) {
        return new Settings(Consent.valueOf(context.get(Axis.CONSENT).toUpperCase(Locale.ROOT)), bool(context.get(Axis.OPTED_OUT)),
                Identifiability.valueOf(context.get(Axis.IDENTIFIABILITY).toUpperCase(Locale.ROOT)), null,
                bool(context.get(Axis.LEGAL_PROCESS)), Boolean.parseBoolean(context.get(Axis.DO_NOT_TRACK)));
    }

    /** The context fields that can change how {@link Settings#settle} settles a condition. */
    public Set<Axis> dependencies(String condition) {
        return dependencies.computeIfAbsent(condition, c -> {
            Set<Axis> out = EnumSet.noneOf(Axis.class);
            contextPoints(List.copyOf(Axis.CONTEXT), defaultContext()).forEach(point -> {
                ConditionStatus here = settings(point).settle(c);
                for (Axis a : Axis.CONTEXT) {
                    for (String v : universe.get(a)) {
                        Map<Axis, String> other = new EnumMap<>(point);
                        other.put(a, v);
                        if (settings(other).settle(c) != here) {
                            out.add(a);
                        }
                    }
                }
            });
            return out;
        });
    }

    /** Every combination of values of {@code axes}, the other context fields as in {@code base}. */
    public List<Map<Axis, String>> contextPoints(List<Axis> axes, Map<Axis, String> base) {
        List<Map<Axis, String>> out = new ArrayList<>();
        out.add(new EnumMap<>(base));
        for (Axis a : axes) {
            List<Map<Axis, String>> next = new ArrayList<>();
            for (Map<Axis, String> p : out) {
                for (String v : universe.get(a)) {
                    Map<Axis, String> q = new EnumMap<>(p);
                    q.put(a, v);
                    next.add(q);
                }
            }
            out = next;
        }
        return out;
    }

    private static Boolean bool(String v) {
        return v == null || v.equals(NOT_GIVEN) ? null : Boolean.valueOf(v);
    }
}
