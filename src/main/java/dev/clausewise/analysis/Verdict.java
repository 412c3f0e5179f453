package dev.clausewise.analysis;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.engine.EngineResult;
import dev.clausewise.explain.ConditionView;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.query.NormalizedQuery;
import java.util.List;

/**
 * What a policy answers to one question, as the engine and the explainer say: the outcome, its open conditions
 * and retention (together, the answer two policies are compared on) and the deciding statements. A broad
 * answer's restrictions ("only for purpose X") are left out: they restate the answers to the narrower
 * questions, which are compared themselves.
 */
public record Verdict(String outcome, List<String> conditions, List<String> retention, List<String> reasons) {
    public Verdict {
        conditions = List.copyOf(conditions);
        retention = List.copyOf(retention);
        reasons = List.copyOf(reasons);
    }

    /** Evaluates the question on the policy's knowledge base. */
    static Evaluated evaluate(LoadedPolicy p, NormalizedQuery q, DecisionExplainer explainer) {
        EngineResult r = p.knowledge().evaluate(q);
        List<String> conditions = explainer.conditions(r).stream().filter(c -> c.dimension() == null)
                .map(ConditionView::key).distinct().sorted().toList();
        List<String> retention = DecisionExplainer.retention(r, p.policy()).stream()
                .map(v -> v.key() + (v.duration() == null ? "" : " " + v.duration())).distinct().sorted().toList();
        return new Evaluated(r, new Verdict(r.decided().outcome().name(), conditions, retention, DecisionExplainer.reasons(r)));
    }

    /** The engine's result and the verdict read from it. */
    record Evaluated(EngineResult result, Verdict verdict) {
    }

    /** The answer without the reasons: "ALLOW_WITH_CONDITIONS (choice.opt_in)". */
    public String answer() {
        StringBuilder b = new StringBuilder(outcome);
        if (!conditions.isEmpty()) {
            b.append(" (").append(String.join(", ", conditions)).append(')');
        }
        if (!retention.isEmpty()) {
            b.append(" [retention ").append(String.join(", ", retention)).append(']');
        }
        return b.toString();
    }

    /** Whether two answers differ (the deciding statements may be named differently and still agree). */
    public boolean sameAnswer(Verdict other) {
        return outcome.equals(other.outcome) && conditions.equals(other.conditions) && retention.equals(other.retention);
    }
}
