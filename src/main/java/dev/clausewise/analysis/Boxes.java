package dev.clausewise.analysis;

import dev.clausewise.vocabulary.KeyTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Sets of questions as boxes (one set of values per axis), merged into few general boxes and written with the
 * most general keys that cover them: {@code user.device.*} is user.device and every key under it, a bare key is
 * that key only.
 */
final class Boxes {
    private static final Axis[] AXES = Axis.values();
    /** The axes written after the keys, as field=value. */
    private static final List<Axis> CONDITIONS = List.of(Axis.AGE, Axis.CONSENT, Axis.OPTED_OUT, Axis.IDENTIFIABILITY,
            Axis.LEGAL_PROCESS, Axis.DO_NOT_TRACK);

    private final QuestionSpace space;
    private final Map<Axis, Map<String, Integer>> index = new EnumMap<>(Axis.class);
    /** Per axis and value: the values at or under it (itself alone for context fields). */
    private final Map<Axis, BitSet[]> subtree = new EnumMap<>(Axis.class);
    /** Per axis, the values' indexes with every ancestor before its descendants. */
    private final Map<Axis, int[]> order = new EnumMap<>(Axis.class);
    private final Map<Set<String>, BitSet> bits = Collections.synchronizedMap(new IdentityHashMap<>());

    Boxes(QuestionSpace space) {
        this.space = space;
        for (Axis a : AXES) {
            List<String> values = space.universe(a);
            Map<String, Integer> ix = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                ix.put(values.get(i), i);
            }
            index.put(a, ix);
            BitSet[] under = new BitSet[values.size()];
            for (int i = 0; i < values.size(); i++) {
                under[i] = new BitSet();
                for (int j = 0; j < values.size(); j++) {
                    if (i == j || a.dimension() != null && under(a, values.get(i), values.get(j))) {
                        under[i].set(j);
                    }
                }
            }
            subtree.put(a, under);
            order.put(a, IntStream.range(0, values.size()).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> -under[i].cardinality()).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray());
        }
    }

    private boolean under(Axis a, String ancestor, String value) {
        if (ancestor.equals(QuestionSpace.NOT_GIVEN) || value.equals(QuestionSpace.NOT_GIVEN)) {
            return false;
        }
        return a.dimension().isRegional() ? space.vocabulary().regions().isAncestorOrSelf(ancestor, value)
                : KeyTree.isAncestorOrSelf(ancestor, value);
    }

    /**
     * A box of questions, one question in it (as the cell it came from asks it) and, per side, the statements
     * that decide its questions.
     */
    record Box(BitSet[] sets, Cell example, List<Set<String>> reasons) {
    }

    /** A cell's values as a box (cells share their value sets, and so do their boxes: never modified). */
    Box box(Cell cell, List<Set<String>> reasons) {
        BitSet[] out = new BitSet[AXES.length];
        for (Axis a : AXES) {
            out[a.ordinal()] = bits.computeIfAbsent(cell.members().get(a), values -> {
                BitSet b = new BitSet();
                values.forEach(v -> b.set(index.get(a).get(v)));
                return b;
            });
        }
        return new Box(out, cell, reasons);
    }

    /**
     * Merges disjoint boxes that differ on one axis only, the last axes first, until none do: the boxes stay
     * disjoint and cover the same questions.
     */
    static List<Box> merge(List<Box> boxes, Progress progress) {
        List<Box> current = boxes;
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int axis = AXES.length - 1; axis >= 0; axis--) {
                progress.step();
                Map<List<BitSet>, Box> buckets = new LinkedHashMap<>();
                for (Box b : current) {
                    List<BitSet> others = new ArrayList<>(Arrays.asList(b.sets()));
                    others.set(axis, null);
                    int a = axis;
                    buckets.merge(others, b, (x, y) -> {
                        BitSet[] sets = x.sets().clone();
                        sets[a] = (BitSet) sets[a].clone();
                        sets[a].or(y.sets()[a]);
                        List<Set<String>> reasons = new ArrayList<>();
                        for (int i = 0; i < x.reasons().size(); i++) {
                            reasons.add(union(x.reasons().get(i), y.reasons().get(i)));
                        }
                        return new Box(sets, x.example(), reasons);
                    });
                }
                if (buckets.size() < current.size()) {
                    merged = true;
                    current = new ArrayList<>(buckets.values());
                }
            }
        }
        return current;
    }

    /** Per axis field, the box's values as general keys; axes the box covers whole are left out. */
    Map<String, List<String>> where(Box box) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Axis a : AXES) {
            List<String> keys = keys(a, box.sets()[a.ordinal()]);
            if (keys != null) {
                out.put(a.field(), keys);
            }
        }
        return out;
    }

    /**
     * The values as the fewest general keys, or as "(not ...)" the values they leave out when that is shorter;
     * null when they are every value of the axis.
     */
    private List<String> keys(Axis a, BitSet values) {
        int size = space.universe(a).size();
        if (values.cardinality() == size) {
            return null;
        }
        List<String> keys = cover(a, values);
        BitSet rest = new BitSet();
        rest.set(0, size);
        rest.andNot(values);
        List<String> others = cover(a, rest);
        if (others.size() < keys.size()) {
            return List.of("(not " + (others.size() == 1 ? others.get(0) : "{" + String.join(", ", others) + "}") + ")");
        }
        return keys;
    }

    private List<String> cover(Axis a, BitSet values) {
        List<String> universe = space.universe(a);
        BitSet[] under = subtree.get(a);
        BitSet covered = new BitSet();
        List<String> out = new ArrayList<>();
        for (int i : order.get(a)) {
            if (!values.get(i) || covered.get(i)) {
                continue;
            }
            BitSet missing = (BitSet) under[i].clone();
            missing.andNot(values);
            String v = universe.get(i);
            if (missing.isEmpty()) {
                covered.or(under[i]);
                out.add(v.equals(QuestionSpace.NOT_GIVEN) ? "(not given)" : under[i].cardinality() > 1 ? v + ".*" : v);
            } else {
                covered.set(i);
                out.add(v.equals(QuestionSpace.NOT_GIVEN) ? "(not given)" : v);
            }
        }
        out.sort(null);
        return out;
    }

    /** "share user.device.* with third_party.advertising in EEA.*", the context as field=value|value. */
    static String describe(Map<String, List<String>> where) {
        StringBuilder b = new StringBuilder();
        append(b, "", where.get("practice"), "any practice");
        append(b, " ", where.get("data"), "any data");
        List<String> prefixes = List.of("with", "for", "about", "in", "to");
        List<Axis> axes = List.of(Axis.RECIPIENT, Axis.PURPOSE, Axis.SUBJECT, Axis.REGION, Axis.DESTINATION);
        for (int i = 0; i < axes.size(); i++) {
            List<String> keys = where.get(axes.get(i).field());
            if (keys != null) {
                append(b, " " + prefixes.get(i) + " ", keys, null);
            }
        }
        for (Axis a : CONDITIONS) {
            List<String> values = where.get(a.field());
            if (values != null) {
                b.append(' ').append(a.field()).append('=').append(String.join("|", values));
            }
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String prefix, List<String> keys, String whole) {
        b.append(prefix);
        if (keys == null) {
            b.append(whole);
        } else if (keys.size() == 1) {
            b.append(keys.get(0));
        } else {
            b.append('{').append(String.join(", ", keys)).append('}');
        }
    }

    /** The statements of both boxes; one of the two sets when it holds the other (most merges), a new one otherwise. */
    private static Set<String> union(Set<String> a, Set<String> b) {
        if (a.containsAll(b)) {
            return a;
        }
        if (b.containsAll(a)) {
            return b;
        }
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        return Collections.unmodifiableSortedSet(union);
    }
}
