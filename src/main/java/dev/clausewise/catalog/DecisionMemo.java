package dev.clausewise.catalog;

import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.policy.Effect;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.KeyMatch;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Settings;
import dev.clausewise.vocabulary.Dimension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One policy version's answers by question class. The engine reads a question only through how each statement's
 * keys relate to it on each dimension ({@link NormalizedQuery#relate}: relation, depth of a covering key, the
 * narrower key) and through the context that settles conditions and scope; two questions alike in all of that get
 * the same answer but for the decision id and the normalize step of the trail, which {@code reissue} writes anew.
 * So a value is mapped once per dimension to the class of its relations (interned, then a hash lookup), and
 * Drools decides each class once. An entry holds the full trail in its class form (no decision id, a blank normalize
 * step); classes that answer alike share one instance of it (a policy's thousands of classes have a few hundred
 * distinct answers), and a lower explain level is cut from it. Bounded: past {@code limit} entries new classes are
 * decided, not kept.
 */
public final class DecisionMemo {
    /** System property holding the bound per policy version; 0 turns the memo off. */
    public static final String LIMIT_PROPERTY = "clausewise.memo.max-entries";
    /**
     * Heap allowed per entry when no bound is configured. Classes share their answers, so an entry costs its key
     * and a reference: 96,835 entries with their 6,078 distinct answers took 26 MB (about 270 bytes each; the
     * bench's 100,000 questions). One entry per 32 KB of maximum heap and policy bounds five policies' memos to a
     * few percent of the heap, and to most of it only if every class had an answer of its own (~4 KB each). Before
     * answers were shared an entry held its whole answer (10–30 KB), and a fixed 100,000 ran a 512 MB service out of
     * heap in the 100,000-request soak (bench/soak).
     */
    private static final long HEAP_PER_ENTRY = 32 * 1024;

    private final String[][] keys;
    private final Effect[] effects;
    private final List<ConcurrentHashMap<ValueKey, Integer>> valueClasses = new ArrayList<>();
    private final List<ConcurrentHashMap<List<KeyMatch.Reading>, Integer>> signatureClasses = new ArrayList<>();
    private final AtomicInteger nextClass = new AtomicInteger();
    private final ConcurrentHashMap<ClassKey, Decision> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Decision, Decision> distinct = new ConcurrentHashMap<>();
    private final int limit;
    private volatile int preloaded;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    DecisionMemo(Policy policy, int limit) {
        List<Statement> statements = policy.statements();
        this.keys = new String[Dimension.MATCHED.size()][statements.size()];
        this.effects = new Effect[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            effects[i] = s.effect();
            for (int d = 0; d < Dimension.MATCHED.size(); d++) {
                List<String> k = s.keys(Dimension.MATCHED.get(d));
                keys[d][i] = k.isEmpty() ? null : String.join("|", k);
            }
        }
        for (int d = 0; d < Dimension.MATCHED.size(); d++) {
            valueClasses.add(new ConcurrentHashMap<>());
            signatureClasses.add(new ConcurrentHashMap<>());
        }
        this.limit = limit;
    }

    static int configuredLimit() {
        return Integer.getInteger(LIMIT_PROPERTY, (int) Math.min(100_000, Math.max(1_000, Runtime.getRuntime().maxMemory() / HEAP_PER_ENTRY)));
    }

    /** The class of a question: per dimension the class of its value, plus the context. */
    ClassKey classOf(NormalizedQuery q) {
        if (limit <= 0) {
            return null;
        }
        int band = q.settings().age() == null ? 0 : 1 + q.ageSubjects().size();
        int[] c = new int[Dimension.MATCHED.size()];
        for (int d = 0; d < c.length; d++) {
            Dimension dim = Dimension.MATCHED.get(d);
            // The age band changes only how child subjects relate: it is part of the subject's value class.
            ValueKey v = new ValueKey(q.value(dim), dim == Dimension.SUBJECT ? band : 0);
            Integer known = valueClasses.get(d).get(v);
            if (known == null) {
                int di = d;
                known = valueClasses.get(d).computeIfAbsent(v, x -> signatureClasses.get(di)
                        .computeIfAbsent(signature(q, di), s -> nextClass.incrementAndGet()));
            }
            c[d] = known;
        }
        return new ClassKey(c[0], c[1], c[2], c[3], c[4], c[5], c[6], context(q.settings()));
    }

    private List<KeyMatch.Reading> signature(NormalizedQuery q, int d) {
        Dimension dim = Dimension.MATCHED.get(d);
        List<KeyMatch.Reading> out = new ArrayList<>();
        for (int i = 0; i < effects.length; i++) {
            if (keys[d][i] != null) {
                out.add(q.relate(dim, keys[d][i], effects[i]).reading());
            }
        }
        return out;
    }

    private static int context(Settings s) {
        int code = s.consent().ordinal();
        code = code * 3 + (s.optedOut() == null ? 0 : s.optedOut() ? 2 : 1);
        code = code * 4 + s.identifiability().ordinal();
        code = code * 3 + (s.legalProcess() == null ? 0 : s.legalProcess() ? 2 : 1);
        return code * 2 + (s.doNotTrack() ? 1 : 0);
    }

    Decision get(ClassKey key) {
        if (key == null) {
            return null;
        }
        Decision d = answers.get(key);
        (d == null ? misses : hits).increment();
        return d;
    }

    /** The entry of a class, counting a hit when there is one; a miss is counted by the answer that follows. */
    Decision peek(ClassKey key) {
        Decision d = key == null ? null : answers.get(key);
        if (d != null) {
            hits.increment();
        }
        return d;
    }

    /** Keeps the full answer {@code d} for its class. */
    void put(ClassKey key, Decision d) {
        if (key != null && answers.size() < limit) {
            answers.putIfAbsent(key, shared(DecisionExplainer.classForm(d)));
        }
    }

    private Decision shared(Decision classForm) {
        Decision known = distinct.putIfAbsent(classForm, classForm);
        return known == null ? classForm : known;
    }

    /**
     * Up to {@code max} classes in their lasting form: the signatures behind each class id, not the ids of this
     * process, and each distinct answer once.
     */
    DecisionTable.Table table(int max) {
        List<List<List<KeyMatch.Reading>>> signatures = new ArrayList<>();
        List<Map<Integer, Integer>> positions = new ArrayList<>();
        for (ConcurrentHashMap<List<KeyMatch.Reading>, Integer> classes : signatureClasses) {
            List<List<KeyMatch.Reading>> list = new ArrayList<>();
            Map<Integer, Integer> position = new HashMap<>();
            classes.forEach((signature, id) -> {
                position.put(id, list.size());
                list.add(signature);
            });
            signatures.add(list);
            positions.add(position);
        }
        List<Decision> decisions = new ArrayList<>();
        Map<Decision, Integer> decisionPosition = new IdentityHashMap<>();
        List<int[]> rows = new ArrayList<>();
        for (Map.Entry<ClassKey, Decision> e : answers.entrySet()) {
            if (rows.size() >= max) {
                break;
            }
            int[] ids = e.getKey().dimensions();
            int[] row = new int[ids.length + 2];
            for (int d = 0; d < ids.length; d++) {
                row[d] = positions.get(d).get(ids[d]);
            }
            row[ids.length] = e.getKey().context();
            row[ids.length + 1] = decisionPosition.computeIfAbsent(e.getValue(), x -> {
                decisions.add(x);
                return decisions.size() - 1;
            });
            rows.add(row);
        }
        return new DecisionTable.Table(decisions, signatures, rows);
    }

    /**
     * Takes the classes of an earlier run (same policy version and code, as the table's key proves) into the memo;
     * a row that does not fit the table's shape is skipped.
     */
    void preload(DecisionTable.Table table) {
        int dims = Dimension.MATCHED.size();
        int taken = 0;
        if (table.signatures().size() == dims) {
            int[][] ids = new int[dims][];
            for (int d = 0; d < dims; d++) {
                List<List<KeyMatch.Reading>> list = table.signatures().get(d);
                ids[d] = new int[list.size()];
                for (int i = 0; i < list.size(); i++) {
                    ids[d][i] = signatureClasses.get(d).computeIfAbsent(List.copyOf(list.get(i)), s -> nextClass.incrementAndGet());
                }
            }
            for (int[] row : table.classes()) {
                if (answers.size() >= limit) {
                    break;
                }
                if (fits(row, ids, table.answers().size())) {
                    int[] c = new int[dims];
                    for (int d = 0; d < dims; d++) {
                        c[d] = ids[d][row[d]];
                    }
                    if (answers.putIfAbsent(new ClassKey(c[0], c[1], c[2], c[3], c[4], c[5], c[6], row[dims]),
                            shared(table.answers().get(row[dims + 1]))) == null) {
                        taken++;
                    }
                }
            }
        }
        preloaded = taken;
    }

    private static boolean fits(int[] row, int[][] ids, int answerCount) {
        if (row == null || row.length != ids.length + 2 || row[ids.length + 1] < 0 || row[ids.length + 1] >= answerCount) {
            return false;
        }
        for (int d = 0; d < ids.length; d++) {
            if (row[d] < 0 || row[d] >= ids[d].length) {
                return false;
            }
        }
        return true;
    }

    /** Whether this run decided classes the table it read did not hold: a table written now would say more. */
    boolean grown() {
        return answers.size() > preloaded;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public int size() {
        return answers.size();
    }

    /** How many distinct answers the classes share. */
    public int distinctAnswers() {
        return distinct.size();
    }

    /** The class of one question, by value of each matched dimension, and context. */
    record ClassKey(int practice, int data, int recipient, int purpose, int subject, int region, int destination,
                    int context) {
        int[] dimensions() {
            return new int[] {practice, data, recipient, purpose, subject, region, destination};
        }
    }

    private record ValueKey(String value, int ageBand) {
    }
}
