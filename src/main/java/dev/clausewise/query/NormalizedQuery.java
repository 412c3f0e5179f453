package dev.clausewise.query;

import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A checked question, the fact every generated statement rule matches against. Values are canonical keys;
 * null means "not limited". {@code ageSubjects} are the child subjects the context's age implies.
 */
public final class NormalizedQuery {
    private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();
    private static final String CHILD = "child";

    private final String policy;
    private final Map<Dimension, String> values;
    private final Set<String> ageSubjects;
    private final Settings settings;
    private final RegionTree regions;

    public NormalizedQuery(String policy, Map<Dimension, String> values, Set<String> ageSubjects, Settings settings, RegionTree regions) {
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
     * How a statement's keys on one dimension stand to this query. {@code keys} is the statement's key list
     * joined by '|', as the compiler writes it into the rule.
     */
    public KeyMatch relate(String dimension, String keys) {
        Dimension d = Dimension.valueOf(dimension.toUpperCase());
        String[] ks = SPLIT.computeIfAbsent(keys, k -> k.split("\\|"));
        KeyMatch best = new KeyMatch(d, Relation.DISJOINT, ks[0], 0);
        for (String k : ks) {
            KeyMatch m = relateOne(d, k);
            if (rank(m) > rank(best)) {
                best = m;
            }
        }
        return best;
    }

    private static int rank(KeyMatch m) {
        return switch (m.relation()) {
            case COVERS -> 1000 + m.depth();
            case NARROWER -> 1;
            case DISJOINT -> 0;
        };
    }

    private KeyMatch relateOne(Dimension d, String key) {
        String q = values.get(d);
        if (d.isRegional()) {
            String region = q == null && d == Dimension.REGION ? RegionTree.ANY : q;
            if (region != null && regions.isAncestorOrSelf(key, region)) {
                return new KeyMatch(d, Relation.COVERS, key, regions.depth(key));
            }
            boolean narrower = region == null || regions.isAncestorOrSelf(region, key);
            return new KeyMatch(d, narrower ? Relation.NARROWER : Relation.DISJOINT, key, 0);
        }
        if (d == Dimension.SUBJECT && KeyTree.isAncestorOrSelf(CHILD, key) && (settings.age() != null)) {
            // A known age settles child subjects: either the person is in that age band or not, whatever subject was asked.
            boolean inBand = ageSubjects.contains(key);
            return new KeyMatch(d, inBand ? Relation.COVERS : Relation.DISJOINT, key, KeyTree.depth(key));
        }
        if (q != null && KeyTree.isAncestorOrSelf(key, q)) {
            return new KeyMatch(d, Relation.COVERS, key, KeyTree.depth(key));
        }
        if (d == Dimension.SUBJECT && ageSubjects.contains(key)) {
            return new KeyMatch(d, Relation.COVERS, key, KeyTree.depth(key));
        }
        boolean narrower = q == null || KeyTree.isAncestorOrSelf(q, key);
        return new KeyMatch(d, narrower ? Relation.NARROWER : Relation.DISJOINT, key, 0);
    }

    /** The same question asked about narrower keys (a refinement's restriction). */
    public NormalizedQuery narrowedTo(Map<Dimension, String> narrower) {
        EnumMap<Dimension, String> v = new EnumMap<>(values);
        v.putAll(narrower);
        return new NormalizedQuery(policy, v, ageSubjects, settings, regions);
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
