package dev.clausewise.query;

import dev.clausewise.policy.Effect;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.Statement;
import dev.clausewise.vocabulary.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy's statement keys, split and numbered once: per matched dimension the distinct keys the statements
 * name, and per statement (by its index in the policy) the ids of its keys. A question is related to each distinct
 * key once, so finding the statements relevant to it costs a pass over small int arrays, not a relation per
 * statement and key; what comes out is what {@link NormalizedQuery#relate} says of each statement's key list.
 */
public final class StatementTable {
    private static final int DIMS = Dimension.MATCHED.size();
    private static final int PRACTICE = Dimension.MATCHED.indexOf(Dimension.PRACTICE);

    /** Per dimension, the distinct keys statements name. */
    private final String[][] keys;
    /** Per statement and dimension, the ids of its keys in {@link #keys}, or null when it names none. */
    private final int[][][] statementKeys;
    private final Effect[] effects;

    public StatementTable(Policy policy) {
        List<Statement> statements = policy.statements();
        List<Map<String, Integer>> ids = new ArrayList<>();
        for (int d = 0; d < DIMS; d++) {
            ids.add(new HashMap<>());
        }
        statementKeys = new int[statements.size()][DIMS][];
        effects = new Effect[statements.size()];
        List<List<String>> distinct = new ArrayList<>();
        for (int d = 0; d < DIMS; d++) {
            distinct.add(new ArrayList<>());
        }
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            effects[i] = s.effect();
            for (int d = 0; d < DIMS; d++) {
                List<String> ks = s.keys(Dimension.MATCHED.get(d));
                if (ks.isEmpty()) {
                    continue;
                }
                int[] own = new int[ks.size()];
                for (int j = 0; j < own.length; j++) {
                    List<String> known = distinct.get(d);
                    own[j] = ids.get(d).computeIfAbsent(ks.get(j), k -> {
                        known.add(k);
                        return known.size() - 1;
                    });
                }
                statementKeys[i][d] = own;
            }
        }
        keys = new String[DIMS][];
        for (int d = 0; d < DIMS; d++) {
            keys[d] = distinct.get(d).toArray(String[]::new);
        }
    }

    public int size() {
        return effects.length;
    }

    /**
     * The statements relevant to {@code q} (related on every dimension they name), in policy order, each with its
     * match per dimension: the closest covering key, else the first narrower one.
     */
    public List<Relevant> relevant(NormalizedQuery q) {
        KeyMatch[][] deny = new KeyMatch[DIMS][];
        for (int d = 0; d < DIMS; d++) {
            deny[d] = matches(q, d, Effect.DENY);
        }
        // Only a practice relates differently to a permission: it does not reach a distinct act below its key.
        KeyMatch[] allowPractice = matches(q, PRACTICE, Effect.ALLOW);
        List<Relevant> out = new ArrayList<>();
        statements:
        for (int i = 0; i < effects.length; i++) {
            Map<Dimension, KeyMatch> m = null;
            for (int d = 0; d < DIMS; d++) {
                int[] own = statementKeys[i][d];
                if (own == null) {
                    continue;
                }
                KeyMatch best = best(d == PRACTICE && effects[i] == Effect.ALLOW ? allowPractice : deny[d], own);
                if (best.disjoint()) {
                    continue statements;
                }
                if (m == null) {
                    m = new EnumMap<>(Dimension.class);
                }
                m.put(best.dimension(), best);
            }
            out.add(new Relevant(q, i, m == null ? Map.of() : m));
        }
        return out;
    }

    private KeyMatch[] matches(NormalizedQuery q, int d, Effect effect) {
        Dimension dim = Dimension.MATCHED.get(d);
        String[] ks = keys[d];
        KeyMatch[] out = new KeyMatch[ks.length];
        for (int k = 0; k < ks.length; k++) {
            out[k] = q.match(dim, ks[k], effect);
        }
        return out;
    }

    /** As {@link NormalizedQuery#relate}: the deepest covering key, else the first narrower one, else the first key. */
    private static KeyMatch best(KeyMatch[] byKey, int[] own) {
        KeyMatch best = null;
        for (int id : own) {
            if (NormalizedQuery.closer(byKey[id], best)) {
                best = byKey[id];
            }
        }
        return best;
    }
}
