package dev.clausewise.query;

import dev.clausewise.policy.Effect;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked question, the fact every generated statement rule matches against. Values are canonical keys;
 * null means "not limited". {@code ageSubjects} are the child subjects the context's age implies.
 */
public final class NormalizedQuery {
    private static final String CHILD = "child";

    private final String policy;
    private final Map<Dimension, String> values;
    private final Set<String> ageSubjects;
    private final Settings settings;
    private final RegionTree regions;
    private final KeyTree practices;

    public NormalizedQuery(String policy, Map<Dimension, String> values, Set<String> ageSubjects, Settings settings, RegionTree regions,
                           KeyTree practices) {
        this.policy = policy;
        EnumMap<Dimension, String> v = new EnumMap<>(Dimension.class);
        values.forEach((d, k) -> {
            if (k != null) {
                v.put(d, k);
            }
        });
        this.values = v;
        this.ageSubjects = Set.copyOf(ageSubjects);
        this.settings = settings;
        this.regions = regions;
        this.practices = practices;
    }

    public String policy() {
        return policy;
    }

    public String value(Dimension d) {
        return values.get(d);
    }

    public Map<Dimension, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public Settings settings() {
        return settings;
    }

    public Set<String> ageSubjects() {
        return ageSubjects;
    }

    public ConditionStatus settle(String condition) {
        return settings.settle(condition);
    }

    /**
     * Whether a statement's keys on one dimension are relevant to this query at all: the cheap test a statement
     * rule's pattern makes, so that only relevant statements build their matches. {@code keys} is the statement's
     * key list joined by '|', as the compiler writes it into the rule; {@code effect} is the statement's, since a
     * permission does not reach a distinct act below its key.
     */
    public boolean touches(Dimension d, String keys, Effect effect) {
        for (String k : split(keys)) {
            if (relation(d, k, effect) != Relation.DISJOINT) {
                return true;
            }
        }
        return false;
    }

    /** How a statement's keys on one dimension stand to this query: the closest covering key, else a narrower one. */
    public KeyMatch relate(Dimension d, String keys, Effect effect) {
        KeyMatch best = null;
        for (String k : split(keys)) {
            KeyMatch m = match(d, k, effect);
            if (closer(m, best)) {
                best = m;
            }
        }
        return best;
    }

    /** Whether {@code m} relates a statement's keys better than {@code best} so far (null before the first key). */
    static boolean closer(KeyMatch m, KeyMatch best) {
        return best == null || m.relation() == Relation.COVERS && (best.relation() != Relation.COVERS || m.depth() > best.depth())
                || m.relation() == Relation.NARROWER && best.relation() == Relation.DISJOINT;
    }

    /** How one statement key stands to this query, with its depth when it covers the query's value. */
    public KeyMatch match(Dimension d, String key, Effect effect) {
        Relation r = relation(d, key, effect);
        int depth = r != Relation.COVERS ? 0 : d.isRegional() ? regions.depth(key) : KeyTree.depth(key);
        return new KeyMatch(d, r, key, depth);
    }

    private static String[] split(String keys) {
        return keys.split("\\|");
    }

    private Relation relation(Dimension d, String key, Effect effect) {
        String q = values.get(d);
        if (d.isRegional()) {
            String region = q == null && d == Dimension.REGION ? RegionTree.ANY : q;
            if (region != null && regions.isAncestorOrSelf(key, region)) {
                return Relation.COVERS;
            }
            return region == null || regions.isAncestorOrSelf(region, key) ? Relation.NARROWER : Relation.DISJOINT;
        }
        if (d == Dimension.SUBJECT && KeyTree.isAncestorOrSelf(CHILD, key) && (settings.age() != null)) {
            // A known age settles child subjects: either the person is in that age band or not, whatever subject was asked.
            return ageSubjects.contains(key) ? Relation.COVERS : Relation.DISJOINT;
        }
        if (q != null && KeyTree.isAncestorOrSelf(key, q)) {
            return d == Dimension.PRACTICE && effect == Effect.ALLOW && practices.permissionStopsBefore(key, q)
                    ? Relation.DISJOINT : Relation.COVERS;
        }
        return q == null || KeyTree.isAncestorOrSelf(q, key) ? Relation.NARROWER : Relation.DISJOINT;
    }

    /**
     * The same question asked about narrower keys (a refinement's restriction) and, when {@code identifiability}
     * is given, about data of that identifiability (the scope a statement's qualifier names).
     */
    public NormalizedQuery narrowedTo(Map<Dimension, String> narrower, Identifiability identifiability) {
        EnumMap<Dimension, String> v = new EnumMap<>(values);
        v.putAll(narrower);
        Settings s = identifiability == null ? settings : settings.withIdentifiability(identifiability);
        return new NormalizedQuery(policy, v, ageSubjects, s, regions, practices);
    }

    @Override
    public String toString() {
        return "query " + values + (ageSubjects.isEmpty() ? "" : " age subjects " + ageSubjects) + " " + settings;
    }

    /** The query's keys as a list, for trails. */
    public List<String> describe() {
        return values.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue()).toList();
    }
}
