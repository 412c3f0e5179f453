package dev.clausewise.catalog;

import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.engine.PolicyKnowledge;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Policy;
import dev.clausewise.query.NormalizedQuery;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A policy version that passed every step and serves decisions. {@link #answer} is the one way a question is
 * answered on it: engine, refinements and explanation, memoized per question class for this version only (a
 * reloaded policy is a new LoadedPolicy with an empty memo).
 */
public final class LoadedPolicy {
    private final Policy policy;
    private final CompiledDrl drl;
    /** Builds the knowledge base once: on the background builds, or in the first caller that needs it sooner. */
    private final FutureTask<PolicyKnowledge> knowledge;
    private final PolicyRef ref;
    private final String document;
    private final DecisionMemo memo;
    /** Reads an earlier run's table of this version; null when there is none. */
    private final FutureTask<Optional<DecisionTable.Table>> table;
    private volatile boolean tableTaken;

    public LoadedPolicy(Policy policy, CompiledDrl drl, PolicyKnowledge knowledge, PolicyRef ref, String document) {
        this(policy, drl, new FutureTask<>(() -> knowledge), ref, document, null);
        this.knowledge.run();
    }

    private LoadedPolicy(Policy policy, CompiledDrl drl, FutureTask<PolicyKnowledge> knowledge, PolicyRef ref, String document,
                         FutureTask<Optional<DecisionTable.Table>> table) {
        this.policy = policy;
        this.drl = drl;
        this.knowledge = knowledge;
        this.ref = ref;
        this.document = document;
        this.memo = new DecisionMemo(policy, DecisionMemo.configuredLimit());
        this.table = table;
    }

    /**
     * A version an earlier run answered, with that run's decision {@code table}: the table is read into the memo,
     * then the knowledge base is built ({@code build}), both on {@code builds} once {@code gate} opens (a starting
     * service holds it until its first answer); a question that needs either sooner has it done at once.
     */
    static LoadedPolicy servedFromTable(Policy policy, CompiledDrl drl, PolicyRef ref, String document,
                                        Supplier<Optional<DecisionTable.Table>> table, CompletableFuture<Void> gate,
                                        Executor builds, Supplier<PolicyKnowledge> build) {
        LoadedPolicy served = new LoadedPolicy(policy, drl, new FutureTask<>(build::get), ref, document, new FutureTask<>(table::get));
        gate.thenRunAsync(() -> {
            served.takeTable();
            served.knowledge.run();
        }, builds);
        return served;
    }

    /** Reads the earlier run's table into the memo, once; a table that does not parse leaves the memo as it is. */
    private void takeTable() {
        if (table == null || tableTaken) {
            return;
        }
        synchronized (this) {
            if (tableTaken) {
                return;
            }
            table.run();
            try {
                table.get().ifPresent(memo::preload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // DecisionTable.read reports what it cannot read; the engine answers instead.
            }
            tableTaken = true;
        }
    }

    public Policy policy() {
        return policy;
    }

    public CompiledDrl drl() {
        return drl;
    }

    /**
     * The knowledge base: built now in this thread when its background build has not started (a question that needs
     * the rules does not wait for the builds a starting service holds, nor for other versions' builds before it),
     * waited for when it is running.
     */
    public PolicyKnowledge knowledge() {
        knowledge.run();
        try {
            return knowledge.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules of policy `" + policy.id() + "` were built", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the rules of policy `" + policy.id() + "` did not build: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public PolicyRef ref() {
        return ref;
    }

    public String document() {
        return document;
    }

    /**
     * Writes the memo to {@code cache} for the next run of this version, when it holds classes the last table did
     * not, or there was no table: even an empty one lets the next run serve before this version's rules are built.
     */
    void storeAnswers(RuleCache cache) {
        takeTable();
        if (cache.enabled() && DecisionTable.configuredLimit() > 0 && (memo.grown() || table == null)) {
            DecisionTable.store(cache, policy.id(), DecisionTable.key(ref, drl), memo.table(DecisionTable.configuredLimit()));
        }
    }

    /** The memo of this version's answers by question class, holding the earlier run's table if there is one. */
    public DecisionMemo memo() {
        takeTable();
        return memo;
    }

    /**
     * Answers a normalized question: from the memo when its class was decided before, else by the engine (with the
     * full trail, kept for the class; the answer is cut to {@code explain}).
     */
    public Decision answer(NormalizedQuery q, DecisionExplainer explainer, Explain explain) {
        takeTable();
        DecisionMemo.ClassKey key = memo.classOf(q);
        Decision known = memo.get(key);
        if (known != null) {
            return explainer.reissue(known, q, explain);
        }
        return decideAndKeep(key, q, explainer, explain);
    }

    /**
     * The memo's answer when the question's class was decided before; empty when only the engine can answer, or
     * while the earlier run's table is still to be read (for a caller that must not wait, such as an event loop).
     */
    public Optional<Decision> known(NormalizedQuery q, DecisionExplainer explainer, Explain explain) {
        if (table != null && !tableTaken) {
            return Optional.empty();
        }
        Decision known = memo.peek(memo.classOf(q));
        return known == null ? Optional.empty() : Optional.of(explainer.reissue(known, q, explain));
    }

    private Decision decideAndKeep(DecisionMemo.ClassKey key, NormalizedQuery q, DecisionExplainer explainer, Explain explain) {
        if (key == null) {
            return decide(q, explainer, explain);
        }
        Decision full = decide(q, explainer, Explain.FULL);
        memo.put(key, full);
        return explain == Explain.FULL ? full : explainer.reissue(full, q, explain);
    }

    /** Answers by the engine, bypassing the memo: what every memoized answer must equal. */
    public Decision decide(NormalizedQuery q, DecisionExplainer explainer, Explain explain) {
        return explainer.explain(knowledge().evaluateWithRefinements(q), policy, ref, explain);
    }
}
