package dev.clausewise.catalog;

import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.engine.EngineResult;
import dev.clausewise.policy.Outcome;
import dev.clausewise.engine.PolicyKnowledge;
import dev.clausewise.engine.Standing;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Policy;
import dev.clausewise.query.Identifiability;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.vocabulary.Dimension;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A policy version that passed every step and serves decisions. {@link #answer} is the one way a question is
 * answered on it: engine, refinements and explanation, memoized per question class for this version only (a
 * reloaded policy is a new LoadedPolicy with an empty memo).
 */
public final class LoadedPolicy {
    private final Policy policy;
    private final CompiledDrl drl;
    private final PolicyKnowledge knowledge;
    private final PolicyRef ref;
    private final String document;
    private final DecisionMemo memo;

    public LoadedPolicy(Policy policy, CompiledDrl drl, PolicyKnowledge knowledge, PolicyRef ref, String document) {
        this.policy = policy;
        this.drl = drl;
        this.knowledge = knowledge;
        this.ref = ref;
        this.document = document;
        this.memo = new DecisionMemo(policy, DecisionMemo.configuredLimit());
    }

    public Policy policy() {
        return policy;
    }

    public CompiledDrl drl() {
        return drl;
    }

    public PolicyKnowledge knowledge() {
        return knowledge;
    }

    public PolicyRef ref() {
        return ref;
    }

    public String document() {
        return document;
    }

    /** The memo of this version's answers by question class. */
    public DecisionMemo memo() {
        return memo;
    }

    /** Answers a normalized question: from the memo when its class was decided before, else by the engine. */
    public Decision answer(NormalizedQuery q, DecisionExplainer explainer, Explain explain) {
        DecisionMemo.ClassKey key = memo.classOf(q, explain);
        Decision known = memo.get(key);
        if (known != null) {
            return explainer.reissue(known, q);
        }
        Decision d = decide(q, explainer, explain);
        memo.put(key, d);
        return d;
    }

    /** Answers by the engine, bypassing the memo: what every memoized answer must equal. */
    public Decision decide(NormalizedQuery q, DecisionExplainer explainer, Explain explain) {
        EngineResult r = knowledge.evaluate(q);
        return explainer.explain(r, refinementOutcomes(r), policy, ref, explain);
    }

    /**
     * What the policy answers at each refinement's narrower level: the refinement reports that answer, not the
     * statement's bare effect, since a narrower allow may still lose to a deny there.
     */
    private Map<String, Outcome> refinementOutcomes(EngineResult r) {
        Map<String, Outcome> out = new HashMap<>();
        // Refinements often narrow to the same keys; each distinct narrower question is evaluated once.
        Map<Narrowing, Outcome> byNarrowing = new HashMap<>();
        for (Standing s : r.standings()) {
            if (s.isRefinement()) {
                Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
                s.candidate().narrowings().forEach(m -> keys.put(m.dimension(), m.key()));
                out.put(s.getStatementId(), byNarrowing.computeIfAbsent(new Narrowing(keys, s.candidate().scope()),
                        n -> knowledge.evaluate(r.query().narrowedTo(n.keys(), n.identifiability())).decided().outcome()));
            }
        }
        return out;
    }

    /** A refinement's narrower question: narrower keys, and the identifiability of the data it speaks of (or null). */
    private record Narrowing(Map<Dimension, String> keys, Identifiability identifiability) {
    }
}
