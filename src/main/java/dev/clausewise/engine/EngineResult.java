package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;
import java.util.List;

/** Everything one evaluation concluded, as facts, plus the firings in order. */
public record EngineResult(NormalizedQuery query, List<Candidate> candidates, List<Overridden> overridden,
                           List<ConditionState> conditions, List<Standing> standings, List<Conflict> conflicts,
                           Decided decided, List<Firing> firings) {
    public EngineResult {
        candidates = List.copyOf(candidates);
        overridden = List.copyOf(overridden);
        conditions = List.copyOf(conditions);
        standings = List.copyOf(standings);
        conflicts = List.copyOf(conflicts);
        firings = List.copyOf(firings);
    }
}
