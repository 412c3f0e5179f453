package dev.clausewise.catalog;

import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.engine.Candidate;
import dev.clausewise.engine.NarrowerQuestions;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.ConditionView;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Json;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.explain.Refinement;
import dev.clausewise.explain.RetentionView;
import dev.clausewise.explain.TrailStep;
import dev.clausewise.query.KeyMatch;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Settings;
import dev.clausewise.query.StatementTable;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A policy version's memo kept between runs in the rule cache directory: the answers Drools gave, by question
 * class. An entry is valid only for the same policy digest and compiled rules and the same code that decides and
 * explains (the key names them all), so a loaded table answers exactly as the engine would; a restart answers the
 * classes it knew at once instead of deciding them again.
 */
final class DecisionTable {
    /** System property: how many entries a policy's table keeps at most (default 20,000; 0 = no table). */
    static final String LIMIT_PROPERTY = "clausewise.memo.persist-entries";
    private static final int DEFAULT_LIMIT = 20_000;
    private static final List<Class<?>> CODE = List.of(DecisionTable.class, DecisionMemo.class, LoadedPolicy.class,
            DecisionExplainer.class, Decision.class, TrailStep.class, Refinement.class, ConditionView.class,
            RetentionView.class, CiteView.class, PolicyRef.class, KeyMatch.class, KeyMatch.Reading.class,
            NormalizedQuery.class, Settings.class, KeyTree.class, RegionTree.class, Candidate.class, NarrowerQuestions.class, StatementTable.class);

    /**
     * What a table holds: each distinct answer once (in its class form), each matched dimension's signatures once
     * (the reading of every statement's keys), and a row per class: the index of its signature on each matched
     * dimension, its context code, the index of its answer. Written so, a table of 7,500 classes with 264 distinct
     * answers is some 100 KB of gzipped JSON, not 6 MB with an answer per class.
     */
    record Table(List<Decision> answers, List<List<List<KeyMatch.Reading>>> signatures, List<int[]> classes) {
    }

    /**
     * A table as written: the answers' trail steps, refinements and conditions each once (distinct answers of a
     * policy repeat most of them: 3,500 steps, 800 distinct), the answers holding indexes into those lists. Read
     * back, answers share those parts, in memory as on disk.
     */
    record Written(List<TrailStep> steps, List<Refinement> refinements, List<ConditionView> conditions,
                   List<WrittenAnswer> answers, List<List<List<KeyMatch.Reading>>> signatures, List<int[]> classes) {
    }

    /** One distinct answer; its trail, refinements and conditions are indexes into the {@link Written} lists. */
    record WrittenAnswer(PolicyRef policy, String outcome, int[] conditions, List<String> reason, int[] trail,
                         int[] refinements, List<RetentionView> retention, List<String> errors) {
    }

    private DecisionTable() {
    }

    static int configuredLimit() {
        return Integer.getInteger(LIMIT_PROPERTY, DEFAULT_LIMIT);
    }

    static String entryName(String policyId) {
        return "answers-" + policyId;
    }

    static String key(PolicyRef ref, CompiledDrl drl) {
        return RuleCache.keyFor("answers", ref.digest(), drl.text(), CODE);
    }

    /**
     * The stored table of policy {@code id} made for exactly {@code key}, its digest checked; empty when there is
     * none or tables are off. {@link #read} makes the table of it.
     */
    static Optional<byte[]> find(RuleCache cache, String id, String key) {
        if (!cache.enabled() || configuredLimit() <= 0) {
            return Optional.empty();
        }
        return cache.load(entryName(id), key);
    }

    /** The table {@code bytes} of {@link #find} hold; empty, with the entry refused, when they do not parse. */
    static Optional<Table> read(RuleCache cache, String id, byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return Optional.of(read(Json.MAPPER.readValue(in, Written.class)));
        } catch (IOException | RuntimeException e) {
            cache.refuse(entryName(id), e.toString());
            return Optional.empty();
        }
    }

    static void store(RuleCache cache, String id, String key, Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            Json.MAPPER.writeValue(out, written(table));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the decision table in memory", e);
        }
        cache.store(entryName(id), key, bytes.toByteArray());
    }

    private static Written written(Table table) {
        Pool<TrailStep> steps = new Pool<>();
        Pool<Refinement> refinements = new Pool<>();
        Pool<ConditionView> conditions = new Pool<>();
        List<WrittenAnswer> answers = table.answers().stream().map(d -> new WrittenAnswer(d.policy(), d.outcome(),
                conditions.indexes(d.conditions()), d.reason(), steps.indexes(d.trail()), refinements.indexes(d.refinements()),
                d.retention(), d.errors())).toList();
        return new Written(steps.items, refinements.items, conditions.items, answers, table.signatures(), table.classes());
    }

    /** The table a written one holds; an index out of its list throws, and the table is refused. */
    private static Table read(Written w) {
        List<Decision> answers = w.answers().stream().map(a -> new Decision("", a.policy(), a.outcome(),
                pick(w.conditions(), a.conditions()), a.reason(), pick(w.steps(), a.trail()), pick(w.refinements(), a.refinements()),
                a.retention(), a.errors())).toList();
        return new Table(answers, w.signatures(), w.classes());
    }

    private static <T> List<T> pick(List<T> items, int[] indexes) {
        List<T> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(items.get(i));
        }
        return out;
    }

    /** Distinct values in the order first met, each with its index. */
    private static final class Pool<T> {
        final List<T> items = new ArrayList<>();
        private final Map<T, Integer> index = new HashMap<>();

        int[] indexes(List<T> values) {
            int[] out = new int[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = index.computeIfAbsent(values.get(i), v -> {
                    items.add(v);
                    return items.size() - 1;
                });
            }
            return out;
        }
    }
}
