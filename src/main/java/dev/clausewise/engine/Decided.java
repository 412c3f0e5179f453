package dev.clausewise.engine;

import dev.clausewise.policy.Outcome;
import java.util.List;

/** Fact inserted by exactly one decide rule: the outcome and the statements that decided it. */
public record Decided(Outcome outcome, List<String> reasons, String rule) {
    public Decided {
        reasons = List.copyOf(reasons);
    }
}
