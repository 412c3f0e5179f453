package dev.clausewise.scenario;

import dev.clausewise.policy.Policy;
import dev.clausewise.policy.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statement coverage of a policy's suites: a statement is exercised when some scenario's answer names it
 * as a reason or a refinement.
 */
public record Coverage(String policy, int statements, List<String> unexercised) {
    public Coverage {
        unexercised = List.copyOf(unexercised);
    }

    public static Coverage of(Policy policy, List<ScenarioResult> results) {
        Set<String> seen = new HashSet<>();
        for (ScenarioResult r : results) {
            if (r.decision() != null && r.scenario().query().policy().equals(policy.id())) {
                seen.addAll(r.decision().reason());
                r.decision().refinements().forEach(ref -> seen.add(ref.statement()));
            }
        }
        List<String> missing = policy.statements().stream().map(Statement::id).filter(id -> !seen.contains(id)).toList();
        return new Coverage(policy.id(), policy.statements().size(), missing);
    }

    public double percent() {
        return statements == 0 ? 100.0 : 100.0 * (statements - unexercised.size()) / statements;
    }
}
