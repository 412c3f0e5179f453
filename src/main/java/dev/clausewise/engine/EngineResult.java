package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.policy.Outcome;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation concluded about the asked question, as facts, plus the firings in order, and the
 * policy's answer at each refining statement's narrower level (by statement id; empty when refinements were not asked).
 */
public record EngineResult(NormalizedQuery query, List<Candidate> candidates, List<Overridden> overridden,
                           List<ConditionState> conditions, List<Standing> standings, List<Conflict> conflicts,
                           Decided decided, List<Firing> firings, Map<String, Outcome> refinementOutcomes) {
    public EngineResult {
        candidates = List.copyOf(candidates);
        overridden = List.copyOf(overridden);
        conditions = List.copyOf(conditions);
        standings = List.copyOf(standings);
        conflicts = List.copyOf(conflicts);
        firings = List.copyOf(firings);
        refinementOutcomes = Map.copyOf(refinementOutcomes);
    }
}
