package dev.clausewise.reference;

import dev.clausewise.policy.Outcome;
import java.util.List;
import java.util.Map;

/**
 * What the reference evaluator answers: the parts of a decision the semantics define, in the order the API lists
 * them (reasons and refinements by statement id; conditions by statement id, restrictions before open conditions).
 */
public record ReferenceDecision(Outcome outcome, List<String> reasons, List<Condition> conditions, List<Refinement> refinements) {
    public ReferenceDecision {
        reasons = List.copyOf(reasons);
        conditions = List.copyOf(conditions);
        refinements = List.copyOf(refinements);
    }

    /**
     * An open condition of a reason: a vocabulary condition ({@code dimension} null) or a restriction to a narrower key;
     * conditions with the same {@code anyOf} number are alternatives (null: required on its own).
     */
    public record Condition(String statement, String dimension, String key, Integer anyOf) {
    }

    /** A narrower statement returned with the policy's answer at its narrower level and its own open conditions. */
    public record Refinement(String statement, Outcome outcome, Map<String, String> restriction, List<String> conditions) {
        public Refinement {
            restriction = Map.copyOf(restriction);
            conditions = List.copyOf(conditions);
        }
    }
}
