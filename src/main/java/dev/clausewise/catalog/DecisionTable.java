package dev.clausewise.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.List;
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
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };

    /** One class: the reading of every statement's keys on each matched dimension, the context code, the full answer. */
    record Entry(List<List<KeyMatch.Reading>> signatures, int context, Decision decision) {
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

    /** The table of policy {@code id} made for exactly {@code key}; empty when there is none or tables are off. */
    static Optional<List<Entry>> load(RuleCache cache, String id, String key) {
        if (!cache.enabled() || configuredLimit() <= 0) {
            return Optional.empty();
        }
        return cache.load(entryName(id), key).flatMap(bytes -> {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return Optional.of(Json.MAPPER.readValue(in, ENTRIES));
            } catch (IOException | RuntimeException e) {
                cache.refuse(entryName(id), e.toString());
                return Optional.empty();
            }
        });
    }

    static void store(RuleCache cache, String id, String key, List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            Json.MAPPER.writeValue(out, entries);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the decision table in memory", e);
        }
        cache.store(entryName(id), key, bytes.toByteArray());
    }
}
