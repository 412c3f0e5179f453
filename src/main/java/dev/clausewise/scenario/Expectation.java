package dev.clausewise.scenario;

import java.util.List;

/** What a scenario expects: the outcome, and subsets of reasons, open condition keys and refinements. */
public record Expectation(String outcome, List<String> reason, List<String> conditions, List<String> refinements, String retention) {
    public Expectation {
        reason = List.copyOf(reason);
        conditions = List.copyOf(conditions);
        refinements = List.copyOf(refinements);
    }
}
