package dev.clausewise.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The same questions asked of several policies, as a markdown table (question × policy → actual outcome),
 * built from a suite run so that it cannot drift from the answers.
 */
public final class OutcomeTable {
    private OutcomeTable() {
    }

    public static String markdown(List<ScenarioResult> results) {
        TreeSet<String> policies = new TreeSet<>();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            String policy = r.scenario().query().policy();
            policies.add(policy);
            String cell = r.decision() == null ? "ERROR" : r.decision().outcome() + (r.status() == ScenarioResult.Status.PASS ? "" : " (FAIL)");
            rows.computeIfAbsent(r.scenario().name(), k -> new LinkedHashMap<>()).put(policy, cell);
        }
        StringBuilder b = new StringBuilder("| question |");
        policies.forEach(p -> b.append(' ').append(p).append(" |"));
        b.append("\n|---|");
        policies.forEach(p -> b.append("---|"));
        b.append('\n');
        rows.forEach((question, cells) -> {
            List<String> line = new ArrayList<>();
            policies.forEach(p -> line.add(cells.getOrDefault(p, "")));
            b.append("| ").append(question).append(" | ").append(String.join(" | ", line)).append(" |\n");
        });
        return b.toString();
    }
}
